-- Mixed traffic for wrk against a signed-in LessonCommons session:
-- 50 % search, 20 % browse (newest list and a material), 20 % download, 10 % upload.
-- The session comes from run.sh through the environment: SESSION (JSESSIONID), XSRF (the
-- XSRF-TOKEN cookie, sent back as X-XSRF-TOKEN), IDS (material ids, comma separated), SCHOOL.

local session = os.getenv("SESSION")
local xsrf = os.getenv("XSRF")
local school = os.getenv("SCHOOL")
local ids = {}
for id in string.gmatch(os.getenv("IDS") or "", "[^,]+") do
  table.insert(ids, id)
end

local queries = { "静夜思", "分数", "光合作用", "浮力", "三年级 语文", "教案", "课件", "数学", "古诗", "实验" }
local cookie = "JSESSIONID=" .. session .. "; XSRF-TOKEN=" .. xsrf
local boundary = "----wrk-lessoncommons"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  errors = 0
  by_kind = { search = 0, browse = 0, download = 0, upload = 0 }
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function get(path)
  return wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept"] = "application/json" })
end

local function upload()
  counter = counter + 1
  local text = "压力测试上传 " .. counter .. " " .. math.random(1, 1e9) .. "：三年级语文集体备课记录，教学反思与改进。\n"
  local function field(name, value)
    return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
  end
  local body = field("subject", "语文") .. field("grade", "三年级") .. field("resourceType", "教案")
    .. field("schoolId", school)
    .. "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load-" .. counter .. ".txt\"\r\n"
    .. "Content-Type: text/plain\r\n\r\n" .. string.rep(text, 20) .. "\r\n--" .. boundary .. "--\r\n"
  return wrk.format("POST", "/api/materials", {
    ["Cookie"] = cookie,
    ["X-XSRF-TOKEN"] = xsrf,
    ["Accept"] = "application/json",
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  }, body)
end

function request()
  local roll = math.random(1, 100)
  local id = ids[math.random(1, #ids)]
  if roll <= 50 then
    by_kind.search = by_kind.search + 1
    return get("/api/search?q=" .. urlencode(queries[math.random(1, #queries)]))
  elseif roll <= 60 then
    by_kind.browse = by_kind.browse + 1
    return get("/api/materials")
  elseif roll <= 70 then
    by_kind.browse = by_kind.browse + 1
    return get("/api/materials/" .. id)
  elseif roll <= 90 then
    by_kind.download = by_kind.download + 1
    return get("/api/materials/" .. id .. "/file")
  else
    by_kind.upload = by_kind.upload + 1
    return upload()
  end
end

function response(status, headers, body)
  if status >= 400 then
    errors = errors + 1
    if os.getenv("SHOW_ERRORS") then
      io.write("HTTP " .. status .. ": " .. string.sub(body or "", 1, 200) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local errs, kinds = 0, { search = 0, browse = 0, download = 0, upload = 0 }
  for _, t in ipairs(threads) do
    errs = errs + t:get("errors")
    local k = t:get("by_kind")
    for name, n in pairs(k) do kinds[name] = kinds[name] + n end
  end
  local seconds = summary.duration / 1e6
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write("\n--- LessonCommons mixed load ---\n")
  io.write(string.format("requests        %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("throughput      %.1f requests/s\n", summary.requests / seconds))
  io.write(string.format("latency p50     %.1f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p90     %.1f ms\n", latency:percentile(90) / 1000))
  io.write(string.format("latency p99     %.1f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max     %.1f ms\n", latency.max / 1000))
  io.write(string.format("HTTP errors     %d (%.2f %%), socket errors %d\n", errs,
    100 * (errs + socket) / math.max(1, summary.requests), socket))
  io.write(string.format("mix (sent)      search %d, browse %d, download %d, upload %d\n",
    kinds.search, kinds.browse, kinds.download, kinds.upload))
end
