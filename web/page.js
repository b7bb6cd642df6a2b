// The page's services for the app (web/page.cpp calls window.rapportPage): real text fields over
// the canvas, the clipboard, downloads, the studio's package export and mailto links. Linked into
// rapport.js (--pre-js, cmake/web.cmake), which arrives compressed, rather than written into
// index.html, which a host that does not compress sends as it is; nothing here is needed before
// the app runs.
(function () {
  'use strict';
  // Text fields are real ones (word wrap, phone keyboards, IMEs, screen readers).
  var fieldBox = document.getElementById('fields');
  var focusedField = null;
  window.rapportPage = {
    syncFields: function (msg) {
      var seen = {};
      msg.fields.forEach(function (f) {
        var el = document.getElementById('field-' + f.id);
        if (!el) {
          el = document.createElement('textarea');
          el.id = 'field-' + f.id;
          el.setAttribute('aria-label', f.placeholder);
          el.addEventListener('input', function () {
            Module.ccall('rapport_field_input', null, ['string', 'string'], [f.id, el.value]);
          });
          el.addEventListener('keydown', function (e) {
            if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
              // Tab and Shift+Tab go back to the app, which moves on from the field's place: the
              // app's key listener (capturing, on the window) let this one pass to the field, so
              // the canvas is handed the same key.
              e.preventDefault();
              el.blur();
              var canvas = document.getElementById('canvas');
              canvas.focus({ preventScroll: true });
              canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', code: 'Tab', shiftKey: e.shiftKey,
                bubbles: true, cancelable: true }));
              return;
            }
            if (e.key === 'Enter' && !e.shiftKey && el.dataset.enterSubmits === '1') {
              e.preventDefault();
              Module.ccall('rapport_field_submit', null, ['string'], [f.id]);
            }
          });
          // A wheel over a field the field cannot use (nothing more to scroll that way) scrolls
          // the view under it, as it would over the canvas. A one-line field's text overflows it
          // by a pixel or two of rounding: that is not something to scroll.
          el.addEventListener('wheel', function (e) {
            var room = el.scrollHeight - el.clientHeight;
            var up = e.deltaY < 0, canScroll = room > 2 && (up ? el.scrollTop > 0 : el.scrollTop < room - 1);
            if (canScroll && e.deltaY !== 0) return;
            e.preventDefault();
            var canvas = document.getElementById('canvas');
            canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: e.clientX, clientY: e.clientY,
              screenX: e.screenX, screenY: e.screenY, bubbles: true }));
            canvas.dispatchEvent(new WheelEvent('wheel', {
              deltaX: e.deltaX, deltaY: e.deltaY, deltaMode: e.deltaMode, clientX: e.clientX, clientY: e.clientY,
              screenX: e.screenX, screenY: e.screenY, ctrlKey: e.ctrlKey, bubbles: true, cancelable: true }));
          }, { passive: false });
          // The same for a finger: a swipe over a field that has nothing more to scroll that way
          // scrolls the view under it (the follow-up email fills half a phone's screen).
          var swipe = null;
          el.addEventListener('touchstart', function (e) {
            swipe = e.touches.length === 1 ? { x: e.touches[0].clientX, y: e.touches[0].clientY, on: false } : null;
          }, { passive: true });
          el.addEventListener('touchmove', function (e) {
            if (!swipe || e.touches.length !== 1) return;
            var t = e.touches[0], dy = t.clientY - swipe.y;
            var room = el.scrollHeight - el.clientHeight;
            var canScroll = room > 2 && (dy > 0 ? el.scrollTop > 0 : el.scrollTop < room - 1);
            if (!swipe.on && (canScroll || Math.abs(dy) < 6)) { if (canScroll) swipe.y = t.clientY; return; }
            // Once the browser scrolls, its touchmoves cannot be cancelled, and trying logs an
            // error each time (reviewer O counted about 50 in one swipe).
            if (e.cancelable) e.preventDefault();
            if (!swipe.on) {
              swipe.on = true;
              Module.ccall('rapport_field_swipe', null, ['number', 'number', 'number'], [swipe.x, swipe.y, 0]);
            }
            Module.ccall('rapport_field_swipe', null, ['number', 'number', 'number'], [t.clientX, t.clientY, dy]);
            swipe.y = t.clientY;
          }, { passive: false });
          el.addEventListener('touchend', function () { swipe = null; });
          el.addEventListener('touchcancel', function () { swipe = null; });
          el.addEventListener('focus', function () { focusedField = el; });
          el.addEventListener('blur', function () { if (focusedField === el) focusedField = null; });
          fieldBox.appendChild(el);
        }
        seen[el.id] = true;
        el.placeholder = f.placeholder;
        el.dataset.enterSubmits = f.enterSubmits ? '1' : '0';
        el.readOnly = !!f.readOnly;
        el.style.display = 'block';
        el.style.left = f.x + 'px'; el.style.top = f.y + 'px';
        el.style.width = f.w + 'px'; el.style.height = f.h + 'px';
        el.style.fontSize = msg.fontSize + 'px';
        el.style.color = msg.color;
        if (el.dataset.revision !== String(f.revision)) { el.value = f.value; el.dataset.revision = String(f.revision); }
        if (f.focus && el.dataset.focus !== String(f.focus)) { el.dataset.focus = String(f.focus); el.focus({ preventScroll: true }); }
      });
      Array.prototype.forEach.call(fieldBox.children, function (el) {
        if (!seen[el.id] && el.style.display !== 'none') {
          el.style.display = 'none';
          // A field that goes away with the keyboard in it hands the keyboard back to the app.
          if (focusedField === el) { el.blur(); document.getElementById('canvas').focus({ preventScroll: true }); }
        }
      });
    },
    fieldFocused: function () { return focusedField !== null; },
    copy: function (text) {
      var done = false;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done = true; }, fallback);
      } else { fallback(); }
      function fallback() {
        if (done) return;
        var t = document.createElement('textarea');
        t.value = text; t.className = 'sr-only'; document.body.appendChild(t); t.select();
        try { document.execCommand('copy'); } catch (e) {}
        document.body.removeChild(t);
      }
    },
    download: function (name, text) {
      var url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      var a = document.createElement('a');
      a.href = url; a.download = name; document.body.appendChild(a); a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    },
    // The studio's SCORM export (web/studio_export.js, loaded on first use with fflate).
    exportPackage: function (json) {
      var request = JSON.parse(json);
      var ready = window.rapportExportPackage ? Promise.resolve() : new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = 'studio-export.js?v=' + window.rapportDownloads.version;
        s.onload = resolve;
        s.onerror = function () { reject(new Error('studio-export.js could not be loaded')); };
        document.head.appendChild(s);
      });
      ready.then(function () { return window.rapportExportPackage(request); }).catch(function (e) {
        Module.ccall('rapport_notice', null, ['string'], ['The package could not be built: ' + e.message]);
      });
    },
    pageUrl: function () { return location.origin + location.pathname; },
    // The learners' wasm has no studio: its page is this one with ?author=1 (rapport-studio.wasm).
    openStudio: function () { location.assign(location.pathname + '?author=1'); },
    openUrl: function (url) {
      if (url.indexOf('mailto:') !== 0) return;
      var a = document.createElement('a');
      a.href = url; document.body.appendChild(a); a.click(); document.body.removeChild(a);
    }
  };
  // A reply being typed and the follow-up email are saved after a one-second pause; when the page
  // is reloaded, closed or put in the background, they are saved at once.
  function pageHidden() {
    if (!window.Module || !Module.calledRun) return;
    try { Module.ccall('rapport_page_hidden', null, [], []); } catch (e) { console.warn('Rapport: ' + e.message); }
  }
  window.addEventListener('pagehide', pageHidden);
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') pageHidden(); });
})();
