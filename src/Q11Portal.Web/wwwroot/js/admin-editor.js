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
      plugins: 'lists advlist link autolink image table media code wordcount charmap searchreplace visualblocks fullscreen autoresize',
      toolbar: 'undo redo | blocks | bold italic underline | bullist numlist blockquote | alignleft aligncenter alignright | ' +
        'link image media table | charmap removeformat | searchreplace visualblocks code fullscreen',
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

  initEditor();
  initTagSuggestions();
})();
