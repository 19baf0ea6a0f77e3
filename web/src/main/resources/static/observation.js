// Comments pinned to a moment of a lesson video: a click seeks the player there; the comment form
// takes the player's current time when the teacher starts typing.
document.addEventListener('click', function (event) {
  var link = event.target.closest('a.seek');
  if (!link) { return; }
  var video = document.getElementById(link.dataset.video);
  if (!video) { return; }
  event.preventDefault();
  video.currentTime = Number(link.dataset.seconds);
  video.play();
});
document.querySelectorAll('form.moment-form').forEach(function (form) {
  var video = document.getElementById(form.dataset.video);
  var seconds = form.querySelector('.moment-seconds');
  form.querySelector('textarea').addEventListener('focus', function () {
    if (video && !seconds.value) {
      var t = Math.floor(video.currentTime);
      seconds.value = Math.floor(t / 60) + ':' + String(t % 60).padStart(2, '0');
    }
  });
});
