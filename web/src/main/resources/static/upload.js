// Pre-fills the upload form from the chosen file's name; the teacher can change every field.
(function () {
  var file = document.getElementById('file');
  if (!file) { return; }
  file.addEventListener('change', function () {
    var chosen = file.files && file.files[0];
    if (!chosen || /\.zip$/i.test(chosen.name)) { return; }
    fetch('/api/proposals?fileName=' + encodeURIComponent(chosen.name))
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) { return; }
        fill('title', p.title);
        fill('subject', p.subject && p.subject.code);
        fill('grade', p.grade && p.grade.code);
        fill('resourceType', p.resourceType && p.resourceType.code);
      });
  });
  function fill(id, value) {
    var field = document.getElementById(id);
    if (field && value && !field.value) {
      field.value = value;
      field.classList.add('proposed');
    }
  }
})();
