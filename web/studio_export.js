// The authoring studio's SCORM export, loaded by the page only when an author asks for a package:
// fetches this site's own files (listed with the manifest templates in scorm-kit.json, written by
// web/package_site.mjs), adds authored.json (the author's scenarios and the library to show),
// fills imsmanifest.xml and zips it all with fflate (zip.js, from npm) for download. Nothing is
// sent anywhere: every request goes to the site the page came from.
'use strict';
(function () {
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(src + ' could not be loaded')); };
      document.head.appendChild(s);
    });
  }
  function bytesOf(name) {
    return fetch(name, { cache: 'no-cache' }).then(function (r) {
      if (!r.ok) throw new Error(name + ' answered ' + r.status);
      return r.arrayBuffer();
    }).then(function (b) { return new Uint8Array(b); });
  }
  function escapeXml(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  /** The package's page: the site's index.html marked so that it loads authored.json at start. */
  function markedIndex(bytes) {
    var html = new TextDecoder().decode(bytes);
    var marked = html.replace(/<head>/i, '<head><meta name="rapport-authored" content="authored.json">');
    if (marked === html) throw new Error('index.html has no <head>');
    return new TextEncoder().encode(marked);
  }

  /** Builds the package `request` describes (Studio::package_request) and resolves to its bytes. */
  window.rapportBuildPackage = function (request) {
    var ready = window.fflate ? Promise.resolve() : loadScript('zip.js');
    return ready.then(function () { return fetch('scorm-kit.json', { cache: 'no-cache' }); })
      .then(function (r) {
        if (!r.ok) throw new Error('scorm-kit.json answered ' + r.status);
        return r.json();
      }).then(function (kit) {
        var template = kit.manifests[request.scorm];
        if (!template) throw new Error('no manifest for SCORM ' + request.scorm);
        return Promise.all(kit.files.map(bytesOf)).then(function (all) {
          var entries = {};
          kit.files.forEach(function (name, i) { entries[name] = name === 'index.html' ? markedIndex(all[i]) : all[i]; });
          entries['authored.json'] = new TextEncoder().encode(JSON.stringify(request.authored, null, 1));
          var files = Object.keys(entries).sort();
          var list = files.map(function (f) { return '      <file href="' + escapeXml(f) + '"/>'; }).join('\n');
          var mastery = kit.mastery;
          var manifest = template.replace(/@RAPPORT_FILES@/g, list)
            .replace(/@RAPPORT_VERSION@/g, escapeXml(kit.version))
            .replace(/@RAPPORT_MASTERY_SCORE@/g, String(mastery))
            .replace(/@RAPPORT_MASTERY_SCALED@/g, (mastery / 100).toFixed(2))
            .replace(/@RAPPORT_LMS_POLICY@/g, kit.policy);
          if (request.title) manifest = manifest.replace(/<title>Rapport conversation practice<\/title>/, '<title>' + escapeXml(request.title) + '</title>');
          entries['imsmanifest.xml'] = new TextEncoder().encode(manifest);
          // Compressed files stay as they are (level 0); text is deflated.
          var zipInput = {};
          Object.keys(entries).forEach(function (name) {
            zipInput[name] = [entries[name], { level: /\.(gz|wasm|data)$/.test(name) ? 0 : 6, mtime: new Date('2026-01-01T00:00:00Z') }];
          });
          return window.fflate.zipSync(zipInput);
        });
      });
  };

  /** Builds the package and downloads it; a failure is reported to the app as a notice. */
  window.rapportExportPackage = function (request) {
    return window.rapportBuildPackage(request).then(function (zip) {
      var url = URL.createObjectURL(new Blob([zip], { type: 'application/zip' }));
      var a = document.createElement('a');
      a.href = url;
      a.download = request.file;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      if (window.Module && Module.ccall) Module.ccall('rapport_notice', null, ['string'], ['Downloaded ' + request.file + ' (' + Math.round(zip.length / 1024) + ' KB).']);
    }).catch(function (e) {
      if (window.Module && Module.ccall) Module.ccall('rapport_notice', null, ['string'], ['The package could not be built: ' + e.message]);
    });
  };
})();
