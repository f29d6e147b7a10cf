// Admin article editor: TinyMCE on the body textarea and tag suggestions. Loaded as a file (no inline script), so the
// admin pages keep "script-src 'self'". Without JavaScript the textarea accepts HTML and the form still works.
(function () {
  'use strict';

  function initEditor() {
    var area = document.querySelector('textarea.rich-editor');
    if (!area || !window.tinymce) {
      return;
    }

    window.tinymce.init({
      target: area,
      license_key: 'gpl',
      base_url: '/lib/tinymce',
      suffix: '.min',
      language: 'vi',
      language_url: '/lib/tinymce/langs/vi.js',
      promotion: false,
      branding: false,
      menubar: false,
      // Vietnamese letters stay letters in the stored HTML (not &acirc; entities).
      entity_encoding: 'raw',
      // Word's markup: its Mso* classes, mso-* styles and <o:p> wrappers mean nothing on the site.
      paste_postprocess: function (editor, args) {
        var node = args.node;
        Array.prototype.forEach.call(node.querySelectorAll('[class]'), function (el) {
          var kept = el.className.split(/\s+/).filter(function (c) { return c && !/^mso/i.test(c); });
          if (kept.length) {
            el.className = kept.join(' ');
          } else {
            el.removeAttribute('class');
          }
        });
        Array.prototype.forEach.call(node.querySelectorAll('[style]'), function (el) {
          var style = el.getAttribute('style').split(';').filter(function (d) { return d.trim() && !/^\s*mso-/i.test(d); }).join(';');
          if (style) {
            el.setAttribute('style', style);
          } else {
            el.removeAttribute('style');
          }
        });
      },
      // Every button stays visible (wrapping on a phone) instead of hiding behind a "more" drawer.
      toolbar_mode: 'wrap',
      plugins: 'lists advlist link autolink image table media code wordcount charmap searchreplace visualblocks fullscreen autoresize',
      toolbar: 'undo redo | blocks | bold italic underline | bullist numlist blockquote | alignleft aligncenter alignright | ' +
        'link q11image image media table | charmap removeformat | searchreplace visualblocks code fullscreen',
      block_formats: 'Đoạn văn=p; Tiêu đề 2=h2; Tiêu đề 3=h3; Tiêu đề 4=h4; Trích dẫn=blockquote',
      min_height: 420,
      autoresize_bottom_margin: 40,
      // Images are <figure class="image"><img><figcaption>…</figcaption></figure> when a caption is ticked.
      image_caption: true,
      image_title: false,
      image_advtab: false,
      image_dimensions: true,
      // Pasted images from Word arrive as huge data: URIs; they are refused (the sanitizer drops them too).
      paste_data_images: false,
      paste_block_drop: false,
      // Word's inline styles and classes stay out; structure (headings, lists, tables) stays in.
      paste_remove_styles_if_webkit: true,
      paste_webkit_styles: 'none',
      invalid_elements: 'script,style,form,input,button,select,textarea,object,embed,applet,meta,link',
      extended_valid_elements: 'iframe[src|width|height|allowfullscreen|title]',
      media_alt_source: false,
      media_poster: false,
      relative_urls: false,
      remove_script_host: true,
      convert_urls: true,
      table_default_attributes: {},
      table_default_styles: { 'border-collapse': 'collapse', width: '100%' },
      content_css: '/css/article-content.css',
      setup: function (editor) {
        // Keep the textarea current so a plain form post always carries the latest body.
        editor.on('change input undo redo SetContent', function () { editor.save(); });
        editor.ui.registry.addButton('q11image', {
          icon: 'gallery',
          tooltip: 'Chèn ảnh từ thư viện hoặc tải ảnh lên',
          onAction: function () { openPicker('body'); }
        });
      }
    });
  }

  function initTagSuggestions() {
    var input = document.querySelector('input[data-suggest-url]');
    var list = input && document.getElementById(input.getAttribute('list'));
    if (!input || !list || !window.fetch) {
      return;
    }

    var timer = null;
    var lastQuery = '';
    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var parts = input.value.split(',');
        var current = parts[parts.length - 1].trim();
        if (current.length < 2 || current === lastQuery) {
          return;
        }

        lastQuery = current;
        var prefix = parts.slice(0, -1).map(function (p) { return p.trim(); }).filter(Boolean);
        fetch(input.getAttribute('data-suggest-url') + '?q=' + encodeURIComponent(current), {
          credentials: 'same-origin',
          headers: { Accept: 'application/json' }
        })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (names) {
            list.textContent = '';
            names.forEach(function (name) {
              var option = document.createElement('option');
              option.value = prefix.concat([name]).join(', ');
              option.label = name;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a convenience; typing still works */ });
      }, 200);
    });
  }

  // ---- Media picker: upload (alt text required) or pick from the library; used for body images and the lead image.
  var picker = document.getElementById('media-picker');
  var pickerMode = 'body';
  var pickerPage = 1;

  function escapeHtml(text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function antiforgeryToken() {
    var field = document.querySelector('#article-form input[name="__RequestVerificationToken"]');
    return field ? field.value : '';
  }

  function figureHtml(item) {
    var img = '<img src="' + escapeHtml(item.url) + '" alt="' + escapeHtml(item.alt) + '"' +
      (item.width ? ' width="' + Math.min(item.width, 800) + '"' : '') + ' />';
    return item.caption
      ? '<figure class="image">' + img + '<figcaption>' + escapeHtml(item.caption) + '</figcaption></figure><p></p>'
      : '<p>' + img + '</p>';
  }

  function choose(item) {
    if (pickerMode === 'lead') {
      document.getElementById('LeadImageId').value = item.id;
      var caption = document.getElementById('LeadImageCaption');
      if (caption && !caption.value && item.caption) {
        caption.value = item.caption;
      }
      showLeadPreview(item.thumb || item.url, item.alt);
    } else if (window.tinymce && window.tinymce.activeEditor) {
      window.tinymce.activeEditor.insertContent(figureHtml(item));
      window.tinymce.activeEditor.save();
    } else {
      var area = document.getElementById('BodyHtml');
      area.value += figureHtml(item);
    }
    picker.close();
  }

  function showLeadPreview(url, alt) {
    var box = document.getElementById('lead-preview');
    box.textContent = '';
    if (url) {
      var img = document.createElement('img');
      img.src = url;
      img.alt = alt || '';
      box.appendChild(img);
    }
  }

  function loadLibrary() {
    var grid = document.getElementById('mp-grid');
    var q = document.getElementById('mp-q').value;
    fetch('/admin/media/list.json?page=' + pickerPage + '&q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        grid.textContent = '';
        if (!data.items.length) {
          var empty = document.createElement('li');
          empty.className = 'mp-empty';
          empty.textContent = 'Không có ảnh nào.';
          grid.appendChild(empty);
        }
        data.items.forEach(function (item) {
          var li = document.createElement('li');
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'mp-item';
          button.title = item.alt;
          var img = document.createElement('img');
          img.src = item.thumb;
          img.alt = '';
          img.loading = 'lazy';
          var label = document.createElement('span');
          label.textContent = item.alt;
          button.appendChild(img);
          button.appendChild(label);
          button.addEventListener('click', function () { choose(item); });
          li.appendChild(button);
          grid.appendChild(li);
        });
        document.getElementById('mp-page').textContent = 'Trang ' + data.page + '/' + data.pageCount;
        document.getElementById('mp-prev').disabled = data.page <= 1;
        document.getElementById('mp-next').disabled = data.page >= data.pageCount;
      })
      .catch(function () { grid.textContent = 'Không tải được thư viện ảnh.'; });
  }

  function upload() {
    var file = document.getElementById('mp-file').files[0];
    var alt = document.getElementById('mp-alt').value.trim();
    var caption = document.getElementById('mp-caption').value.trim();
    var error = document.getElementById('mp-error');
    error.textContent = '';
    if (!file) {
      error.textContent = 'Hãy chọn tệp ảnh.';
      return;
    }
    if (!alt) {
      error.textContent = 'Hãy nhập mô tả ảnh (văn bản thay thế) trước khi tải lên.';
      document.getElementById('mp-alt').focus();
      return;
    }
    var form = new FormData();
    form.append('file', file);
    form.append('altText', alt);
    form.append('caption', caption);
    form.append('__RequestVerificationToken', antiforgeryToken());
    var button = document.getElementById('mp-upload');
    button.disabled = true;
    button.textContent = 'Đang tải lên…';
    fetch('/admin/media/upload', { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok) {
          error.textContent = res.body.error || 'Không tải được ảnh lên.';
          return;
        }
        document.getElementById('mp-file').value = '';
        document.getElementById('mp-alt').value = '';
        document.getElementById('mp-caption').value = '';
        choose({ id: res.body.id, url: res.body.url, thumb: res.body.url, alt: res.body.alt, caption: res.body.caption });
      })
      .catch(function () { error.textContent = 'Không tải được ảnh lên (mất kết nối?). Thử lại.'; })
      .then(function () {
        button.disabled = false;
        button.textContent = 'Tải lên và chèn';
      });
  }

  function openPicker(mode) {
    if (!picker || !picker.showModal) {
      window.open('/admin/media', '_blank');
      return;
    }
    pickerMode = mode;
    document.getElementById('media-picker-title').textContent = mode === 'lead' ? 'Chọn ảnh đại diện' : 'Chèn ảnh vào bài';
    document.getElementById('mp-upload').textContent = mode === 'lead' ? 'Tải lên và dùng làm ảnh đại diện' : 'Tải lên và chèn';
    document.getElementById('mp-error').textContent = '';
    pickerPage = 1;
    loadLibrary();
    picker.showModal();
  }

  function initPicker() {
    if (!picker) {
      return;
    }
    picker.querySelector('[data-mp-close]').addEventListener('click', function () { picker.close(); });
    document.getElementById('mp-upload').addEventListener('click', upload);
    document.getElementById('mp-prev').addEventListener('click', function () { pickerPage--; loadLibrary(); });
    document.getElementById('mp-next').addEventListener('click', function () { pickerPage++; loadLibrary(); });
    var searchTimer = null;
    document.getElementById('mp-q').addEventListener('input', function () {
      window.clearTimeout(searchTimer);
      searchTimer = window.setTimeout(function () { pickerPage = 1; loadLibrary(); }, 250);
    });
    var leadButton = document.querySelector('[data-media-pick="lead"]');
    var clear = document.querySelector('[data-lead-clear]');
    if (leadButton) {
      leadButton.hidden = false;
      leadButton.addEventListener('click', function () { openPicker('lead'); });
    }
    if (clear) {
      clear.hidden = false;
      clear.addEventListener('click', function () {
        document.getElementById('LeadImageId').value = '';
        showLeadPreview(null);
      });
    }
  }

  initPicker();
  initEditor();
  initTagSuggestions();
})();
