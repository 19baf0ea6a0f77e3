// Upload page enhancement: drop (or choose) many files or a ZIP; each file gets its own subject,
// grade, type and title, pre-filled from its name by /api/proposals for the teacher to confirm, and
// its own progress bar and outcome. Without JavaScript the form still uploads one file or one ZIP.
(function () {
  var form = document.getElementById('upload-form');
  var input = document.getElementById('file');
  var zone = document.getElementById('dropzone');
  var queue = document.getElementById('queue');
  if (!form || !input || !zone || !queue || !window.FormData) { return; }
  var words = form.dataset;
  var rows = [];

  input.multiple = true;
  input.required = false;
  zone.hidden = false;
  document.getElementById('queue-section').hidden = false;
  document.getElementById('single-file').classList.add('enhanced');

  zone.addEventListener('click', function () { input.click(); });
  zone.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } });
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (e) { add(e.dataTransfer.files); });
  input.addEventListener('change', function () { add(input.files); input.value = ''; });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var waiting = rows.filter(function (r) { return r.state === 'waiting'; });
    if (waiting.length === 0) { input.click(); return; }
    next(waiting);
  });

  function add(files) {
    Array.prototype.forEach.call(files, function (file) {
      var row = { file: file, zip: /\.zip$/i.test(file.name), state: 'waiting' };
      row.el = build(row);
      queue.appendChild(row.el);
      rows.push(row);
      if (words.maxBytes && file.size > Number(words.maxBytes)) {
        fail(row, 413, null);
        return;
      }
      if (!row.zip) { propose(row); }
    });
  }

  function build(row) {
    var li = document.createElement('li');
    li.className = 'queued';
    var head = document.createElement('div');
    head.className = 'queued-head';
    var name = document.createElement('strong');
    name.textContent = row.file.name;
    var size = document.createElement('span');
    size.className = 'size';
    size.textContent = row.file.size < 1048576 ? (row.file.size / 1024).toFixed(1) + ' KB' : (row.file.size / 1048576).toFixed(1) + ' MB';
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'link';
    remove.textContent = words.msgRemove;
    remove.addEventListener('click', function () {
      if (row.state === 'uploading') { return; }
      rows.splice(rows.indexOf(row), 1);
      li.remove();
    });
    head.append(name, size, remove);
    li.appendChild(head);
    if (row.zip) {
      var note = document.createElement('p');
      note.className = 'help';
      note.textContent = words.msgZip;
      li.appendChild(note);
    } else {
      var fields = document.createElement('div');
      fields.className = 'queued-fields';
      row.title = document.createElement('input');
      row.title.type = 'text';
      row.title.maxLength = 300;
      row.title.className = 'queued-title';
      row.title.setAttribute('aria-label', words.msgTitle);
      fields.appendChild(row.title);
      row.selects = {};
      ['subject', 'grade', 'resourceType'].forEach(function (field) {
        var select = document.getElementById(field).cloneNode(true);
        select.removeAttribute('id');
        select.name = field;
        select.className = 'queued-' + field;
        select.value = document.getElementById(field).value;
        row.selects[field] = select;
        fields.appendChild(select);
      });
      li.appendChild(fields);
    }
    row.bar = document.createElement('progress');
    row.bar.max = 100;
    row.bar.value = 0;
    row.status = document.createElement('p');
    row.status.className = 'queued-status';
    row.status.textContent = words.msgWaiting;
    li.append(row.bar, row.status);
    return li;
  }

  function propose(row) {
    fetch('/api/proposals?fileName=' + encodeURIComponent(row.file.name), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) { return; }
        if (!row.title.value) { row.title.value = p.title || ''; }
        fill(row.selects.subject, p.subject);
        fill(row.selects.grade, p.grade);
        fill(row.selects.resourceType, p.resourceType);
      });
  }

  function fill(select, term) {
    if (term && term.code) {
      select.value = term.code;
      select.classList.add('proposed');
    }
  }

  function next(waiting) {
    var row = waiting.shift();
    if (!row) { return; }
    send(row, function () { next(waiting); });
  }

  function send(row, done) {
    var data = new FormData();
    data.append('file', row.file, row.file.name);
    data.append('sharing', document.getElementById('sharing').value);
    var description = form.querySelector('[name=description]');
    if (description && description.value) { data.append('description', description.value); }
    if (row.zip) {
      ['subject', 'grade', 'resourceType'].forEach(function (f) { data.append(f, document.getElementById(f).value); });
    } else {
      data.append('title', row.title.value);
      Object.keys(row.selects).forEach(function (f) { data.append(f, row.selects[f].value); });
      var subtitles = document.getElementById('subtitles');
      if (rows.length === 1 && subtitles && subtitles.files[0]) { data.append('subtitles', subtitles.files[0]); }
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', row.zip ? '/api/batches' : '/api/materials');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-XSRF-TOKEN', csrf());
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { row.bar.value = Math.round(100 * e.loaded / e.total); }
    };
    row.state = 'uploading';
    row.el.className = 'queued uploading';
    row.status.textContent = words.msgUploading;
    xhr.onload = function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = null; }
      if (xhr.status === 201 || xhr.status === 202) {
        row.bar.value = 100;
        succeed(row, body);
      } else {
        fail(row, xhr.status, body);
      }
      done();
    };
    xhr.onerror = function () { fail(row, 0, null); done(); };
    xhr.send(data);
  }

  function succeed(row, body) {
    row.state = 'done';
    row.el.className = 'queued done';
    row.status.textContent = words.msgDone + ' ';
    var link = document.createElement('a');
    link.href = row.zip ? '/batches/' + body.id : '/materials/' + body.id;
    link.textContent = row.zip ? row.file.name : (body.title || row.file.name);
    link.className = 'queued-link';
    row.status.appendChild(link);
  }

  function fail(row, status, problem) {
    row.state = 'failed';
    row.el.className = 'queued failed';
    var message = status === 413 ? words.msgTooLarge
      : status === 415 ? words.msgUnsupported
      : (problem && problem.detail) || words.msgFailed;
    row.status.textContent = words.msgFailed + '：' + message;
    if (status === 409 && problem && problem.existingUrl) {
      var link = document.createElement('a');
      link.href = problem.existingUrl;
      link.textContent = words.msgDuplicate;
      link.className = 'queued-existing';
      row.status.append(' ', link);
    }
    // Another try uploads it again once the teacher has fixed the fields.
    if (status !== 409 && status !== 413 && status !== 415) { row.state = 'waiting'; }
  }

  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }
})();
