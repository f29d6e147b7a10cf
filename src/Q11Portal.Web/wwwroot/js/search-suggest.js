// Type-ahead for the header's search box (helper "search"): titles of articles as the reader types, from
// GET /tim-kiem/goi-y?q=… . Progressive enhancement: without this script the box is a plain GET form to /tim-kiem.
// ARIA 1.2 combobox pattern: the input owns a listbox; arrow keys move through the options (aria-activedescendant),
// Enter opens the chosen article, Escape closes the list, and Enter with no option chosen submits the form as usual.
(function () {
    'use strict';
    var input = document.getElementById('site-search-q');
    if (!input || !window.fetch) {
        return;
    }

    var form = input.form;
    var list = document.createElement('ul');
    list.id = 'site-search-suggestions';
    list.className = 'site-search__suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Gợi ý bài viết');
    list.hidden = true;
    form.classList.add('site-search--suggest');
    form.appendChild(list);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');

    var timer = 0;
    var active = -1;
    var latest = 0;

    function options() {
        return list.querySelectorAll('[role="option"]');
    }

    function close() {
        list.hidden = true;
        list.textContent = '';
        active = -1;
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-activedescendant');
    }

    function highlight(index) {
        var items = options();
        if (items.length === 0) {
            return;
        }

        active = (index + items.length) % items.length;
        for (var i = 0; i < items.length; i++) {
            items[i].setAttribute('aria-selected', i === active ? 'true' : 'false');
        }

        input.setAttribute('aria-activedescendant', items[active].id);
        items[active].scrollIntoView({ block: 'nearest' });
    }

    function show(suggestions) {
        close();
        if (suggestions.length === 0) {
            return;
        }

        suggestions.forEach(function (item, i) {
            var option = document.createElement('li');
            option.id = 'site-search-option-' + i;
            option.setAttribute('role', 'option');
            option.setAttribute('aria-selected', 'false');
            option.dataset.url = item.url;
            option.textContent = item.title;
            option.addEventListener('mousedown', function (event) {
                // mousedown, not click: the input's blur would close the list first.
                event.preventDefault();
                window.location.href = item.url;
            });
            list.appendChild(option);
        });
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
    }

    function load() {
        var text = input.value;
        if (text.trim().length < 2) {
            close();
            return;
        }

        var request = ++latest;
        fetch('/tim-kiem/goi-y?q=' + encodeURIComponent(text), { headers: { Accept: 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : []; })
            .then(function (suggestions) {
                // An older answer arriving late must not replace a newer one.
                if (request === latest && document.activeElement === input) {
                    show(suggestions);
                }
            })
            .catch(close);
    }

    input.addEventListener('input', function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(load, 150);
    });

    input.addEventListener('keydown', function (event) {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            if (list.hidden) {
                return;
            }

            event.preventDefault();
            highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
        } else if (event.key === 'Escape' && !list.hidden) {
            event.preventDefault();
            close();
        } else if (event.key === 'Enter' && active >= 0) {
            event.preventDefault();
            window.location.href = options()[active].dataset.url;
        }
    });

    input.addEventListener('blur', function () {
        window.setTimeout(close, 100);
    });
}());
