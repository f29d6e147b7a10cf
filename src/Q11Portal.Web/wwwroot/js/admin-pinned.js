// Pinned related articles in the editor form: type part of a title, pick a result, and its id is appended to the
// "Tin liên quan ghim" field. A file, not an inline script (admin CSP "script-src 'self'"); without JavaScript the ids
// are typed by hand.
(function () {
  'use strict';

  var box = document.querySelector('.pinned-search[data-lookup-url]');
  var field = document.getElementById('PinnedRelated');
  if (!box || !field) {
    return;
  }

  var input = box.querySelector('input[type=search]');
  var results = box.querySelector('.pinned-results');
  var timer = null;
  box.hidden = false;

  function ids() {
    return field.value.split(/[\s,;]+/).filter(function (s) { return s.length > 0; });
  }

  function render(items) {
    results.textContent = '';
    items.forEach(function (item) {
      var li = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'link-button';
      button.textContent = item.title + ' (#' + item.id + ', ' + item.status + ')';
      button.addEventListener('click', function () {
        var current = ids();
        if (current.indexOf(String(item.id)) < 0) {
          current.push(String(item.id));
          field.value = current.join(', ');
        }
        results.textContent = '';
        input.value = '';
        input.focus();
      });
      li.appendChild(button);
      results.appendChild(li);
    });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) {
      results.textContent = '';
      return;
    }

    timer = setTimeout(function () {
      fetch(box.getAttribute('data-lookup-url') + '?q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(render)
        .catch(function () { /* a convenience; typing ids still works */ });
    }, 200);
  });
}());
