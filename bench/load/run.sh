#!/usr/bin/env bash
# Mixed-traffic load test on loopback: starts the app on the embedded default (in-process
# PostgreSQL and S3 server, demo seed), signs in as a demo teacher, and drives it with wrk and
# mixed.lua (search, browse, download, upload). Prints throughput, p50/p90/p99 and the error rate.
#
#   bench/load/run.sh [duration (60s)] [connections (16)] [threads (2)]
#
# Needs wrk (apt-get install wrk), curl, python3 (to read JSON) and a JDK 21+ in JAVA_HOME. Uses port 18480 for the app and
# 18481 for PostgreSQL, and keeps its data in web/target/load-data (deleted at start).
set -euo pipefail

DURATION=${1:-60s}
CONNECTIONS=${2:-16}
THREADS=${3:-2}
PORT=${LOAD_PORT:-18480}
PG_PORT=${LOAD_PG_PORT:-18481}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=$ROOT/web/target/load-data
BASE=http://127.0.0.1:$PORT
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

cd "$ROOT"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -pl web -am package -DskipTests
fi
JAR=$(ls web/target/lessoncommons-web-*.jar | grep -v plain | head -1)
rm -rf "$DATA"
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx1g \
  -jar "$JAR" --server.port="$PORT" --lessoncommons.embedded.postgres-port="$PG_PORT" \
  --lessoncommons.embedded.data-dir="$DATA" --logging.level.root=WARN > "$ROOT/web/target/load-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT

for _ in $(seq 1 180); do
  curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

JAR_COOKIES=$(mktemp)
curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" >/dev/null
XSRF=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$JAR_COOKIES")
curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" -H "X-XSRF-TOKEN: $XSRF" -H 'Accept: application/json' \
  --data-urlencode username=teacher1 --data-urlencode password=demo2026 "$BASE/login" >/dev/null
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR_COOKIES")
XSRF=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$JAR_COOKIES")

# Wait until the demo seed is searchable (the count is the same twice, 5 s apart), then take the
# ids to browse and download.
PREVIOUS=-1
for _ in $(seq 1 60); do
  IDS=$(curl -fs -b "$JAR_COOKIES" "$BASE/api/search?size=50" \
    | python3 -c 'import json, sys; print(",".join(h["id"] for h in json.load(sys.stdin)["hits"]))' || true)
  COUNT=$(echo "$IDS" | tr ',' '\n' | grep -c . || true)
  [ "$COUNT" -ge 5 ] && [ "$COUNT" -eq "$PREVIOUS" ] && break
  PREVIOUS=$COUNT
  sleep 5
done
SCHOOL=$(curl -fs -b "$JAR_COOKIES" "$BASE/api/me" | python3 -c 'import json, sys; print(json.load(sys.stdin)["schoolId"])')
echo "signed in as teacher1 (school $SCHOOL), $(echo "$IDS" | tr ',' '\n' | wc -l) materials to browse"

SESSION=$SESSION XSRF=$XSRF IDS=$IDS SCHOOL=$SCHOOL \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/load/mixed.lua "$BASE"
