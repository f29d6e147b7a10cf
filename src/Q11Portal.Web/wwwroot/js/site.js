// Reading site enhancements. Everything here is optional: pages work without JavaScript.
(function () {
  'use strict';

  // Font size A- / A / A+ for article text, remembered per browser.
  var key = 'q11.fontStep';
  var minStep = -2;
  var maxStep = 4;
  var article = document.querySelector('.article');
  var group = document.querySelector('.font-size');
  if (!article || !group) {
    return;
  }

  function read() {
    try {
      var value = parseInt(window.localStorage.getItem(key) || '0', 10);
      return isNaN(value) ? 0 : Math.max(minStep, Math.min(maxStep, value));
    } catch (e) {
      return 0;
    }
  }

  function apply(step) {
    article.setAttribute('data-font-step', String(step));
    article.style.setProperty('--article-scale', String(1 + step * 0.1));
  }

  function save(step) {
    try {
      window.localStorage.setItem(key, String(step));
    } catch (e) {
      // Private mode or storage disabled: the size still applies to this page.
    }
  }

  var current = read();
  apply(current);
  group.hidden = false;
  group.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-font-step]');
    if (!button) {
      return;
    }
    var delta = parseInt(button.getAttribute('data-font-step'), 10);
    current = delta === 0 ? 0 : Math.max(minStep, Math.min(maxStep, current + delta));
    apply(current);
    save(current);
  });
})();
