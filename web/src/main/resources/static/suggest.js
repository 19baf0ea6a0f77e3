// Search-as-you-type on the search box: titles from /api/suggestions (characters, pinyin or
// initials). Arrow keys choose, Enter or a click searches the chosen title, Escape closes. Without
// JavaScript the box is a plain search field.
(function () {
  'use strict';
  var input = document.querySelector('input[data-suggest]');
  var list = input && document.getElementById(input.getAttribute('aria-controls'));
  if (!input || !list) {
    return;
  }
  var timer = null;
  var latest = 0;
  var active = -1;

  function options() {
    return list.querySelectorAll('[role="option"]');
  }

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function choose(title) {
    input.value = title;
    close();
    input.form.submit();
  }

  function highlight(index) {
    var all = options();
    if (all.length === 0) {
      return;
    }
    active = (index + all.length) % all.length;
    all.forEach(function (option, i) {
      option.setAttribute('aria-selected', i === active ? 'true' : 'false');
    });
    input.setAttribute('aria-activedescendant', all[active].id);
  }

  function show(suggestions) {
    close();
    suggestions.forEach(function (suggestion, i) {
      var option = document.createElement('li');
      option.id = 'suggestion-' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.textContent = suggestion.title;
      option.addEventListener('mousedown', function (event) {
        event.preventDefault();
        choose(suggestion.title);
      });
      list.appendChild(option);
    });
    if (suggestions.length > 0) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  }

  function fetchSuggestions() {
    var typed = input.value.trim();
    var request = ++latest;
    if (typed === '') {
      close();
      return;
    }
    fetch(input.getAttribute('data-suggest') + '?q=' + encodeURIComponent(typed.slice(0, 50)),
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (body) {
        if (request === latest) {
          show(body.suggestions || []);
        }
      })
      .catch(close);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener('keydown', function (event) {
    if (list.hidden) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(options()[active].textContent);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);
})();
