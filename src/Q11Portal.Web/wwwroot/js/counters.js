// Keeps "SỐ LƯỢT TRUY CẬP", "Đang truy cập", "Hôm nay", "Tháng này" and "Số lượt người xem" current when the
// page itself came from a cache: one small no-store request after load. Without JavaScript the server-rendered
// numbers stay (they are at most one flush interval old when the page was rendered).
(function () {
  'use strict';

  var source = document.querySelector('[data-counters-url]');
  if (!source || !window.fetch) {
    return;
  }

  var format = function (n) {
    return Number(n).toLocaleString('vi-VN');
  };

  var articleElement = document.querySelector('[data-counter="article-views"][data-article-id]');
  var url = source.getAttribute('data-counters-url');
  if (articleElement) {
    url += '?bai=' + encodeURIComponent(articleElement.getAttribute('data-article-id'));
  }

  var setText = function (name, value) {
    document.querySelectorAll('[data-counter="' + name + '"]').forEach(function (el) {
      el.textContent = format(value);
    });
  };

  var setOdometer = function (value) {
    document.querySelectorAll('.odometer[data-counter="total"]').forEach(function (odometer) {
      var digitsBox = odometer.querySelector('.odometer__digits');
      var text = odometer.querySelector('[data-counter-text]');
      if (!digitsBox) {
        return;
      }
      var min = parseInt(odometer.getAttribute('data-min-digits') || '0', 10);
      var digits = String(value);
      while (digits.length < min) {
        digits = '0' + digits;
      }
      var fragment = document.createDocumentFragment();
      for (var i = 0; i < digits.length; i++) {
        var span = document.createElement('span');
        span.className = 'odometer__digit';
        span.textContent = digits.charAt(i);
        fragment.appendChild(span);
      }
      digitsBox.replaceChildren(fragment);
      if (text) {
        text.textContent = format(value) + ' lượt truy cập';
      }
    });
  };

  fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (counts) {
      if (!counts) {
        return;
      }
      setOdometer(counts.total);
      setText('online', counts.online);
      setText('today', counts.today);
      setText('month', counts.month);
      if (counts.article && articleElement) {
        articleElement.textContent = format(counts.article.views);
      }
    })
    .catch(function () {
      // The server-rendered numbers stay; a counter is not worth an error.
    });
})();
