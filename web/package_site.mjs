// Finishes build/web/site after the link (run by cmake/web.cmake): gzip copies of the big files,
// a version from their contents, and the pages that name that version (index.html, the service
// worker, the web app manifest), so every file but index.html can be cached for good.
//
// It also writes what the authoring studio's SCORM export needs in the browser (web/studio_export.js):
// zip.js (fflate from npm, installed by ci/setup.sh into web/node_modules) and scorm-kit.json (the
// site's files and the manifest templates, with the mastery score and reporting policy).
//
//   node web/package_site.mjs <site dir> <source dir> [mastery score] [lms policy]
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';

const [site, source, masteryArg = '70', policy = 'mastery'] = process.argv.slice(2);
if (!site || !source) {
  console.error('usage: node web/package_site.mjs <site dir> <source dir>');
  process.exit(2);
}

function loadTerser() {
  try {
    return createRequire(import.meta.url)('/usr/share/nodejs/terser');
  } catch (e) {
    console.error(`package_site: terser is missing (${e.message}): run ci/setup.sh, which installs node-terser`);
    process.exit(1);
  }
}

// Written only when the content changes, so an unchanged build leaves the files' times alone
// (the SCORM packaging skips its work then).
function write(path, bytes) {
  let old = null;
  try { old = readFileSync(path); } catch {}
  if (!old || !old.equals(Buffer.from(bytes))) writeFileSync(path, bytes);
}

// index.html and lms.js are the two files a host that does not compress sends as they are: lms.js's
// comment lines and indentation go (a quarter of its bytes; index.html: minifyPage below). Only
// whole-line // comments are removed, so a // inside a string or a URL is never touched.
const compact = (text) => text.split('\n').filter((line) => !/^\s*\/\/.*$/.test(line)).map((line) => line.trimStart()).join('\n');

write(join(site, 'lms.js'), compact(readFileSync(join(source, 'web/lms.js'), 'utf8')));
copyFileSync(join(source, 'web/embed-example.html'), join(site, 'embed-example.html'));
copyFileSync(join(source, 'web/icon.svg'), join(site, 'icon.svg'));

// The files the page downloads with a .gz beside them (it decompresses them itself when the host
// does not compress). Compressed by zopfli (Debian's zopfli, installed by ci/setup.sh): ordinary
// gzip that any browser's DecompressionStream reads, 5% smaller than gzip -9 (21 KB off the wasm),
// without a name or time, so the same input gives the same bytes.
// rapport-studio.wasm and .js are the authoring studio's app (?author=1); it reads the same data
// package, so its own copy goes once checked to be the same bytes.
const studioData = join(site, 'rapport-studio.data');
if (existsSync(studioData)) {
  if (!readFileSync(studioData).equals(readFileSync(join(site, 'rapport.data')))) {
    console.error('package_site: rapport-studio.data differs from rapport.data: both apps must pack the same files');
    process.exit(1);
  }
  unlinkSync(studioData);
}
function zopfli(path) {
  try {
    return execFileSync('zopfli', ['-c', '--i15', path], { maxBuffer: 1 << 26 });
  } catch (e) {
    console.error(`package_site: zopfli failed on ${path} (${e.message}): run ci/setup.sh, which installs it`);
    process.exit(1);
  }
}
// The two apps' JavaScript (Emscripten's glue and web/page.js) is minified by terser as index.html's
// scripts are (its names inside functions shortened; top-level names and property names kept, so the
// page, the tests and the wasm's imports still find them): rapport.js 34.6 KB -> 29.3 KB compressed.
// Marked by a first comment, so that a second run leaves the file as it is.
const MINIFIED = '/*minified*/';
for (const name of ['rapport.js', 'rapport-studio.js']) {
  const path = join(site, name);
  const text = readFileSync(path, 'utf8');
  if (text.startsWith(MINIFIED)) continue;
  const min = await loadTerser().minify(text, { compress: true, mangle: true, output: { preamble: MINIFIED } });
  if (!min.code) {
    console.error(`package_site: terser gave nothing for ${name}`);
    process.exit(1);
  }
  write(path, min.code);
}
const PACKED = ['rapport.wasm', 'rapport.data', 'rapport-scenarios.bin', 'rapport.js', 'rapport-studio.wasm', 'rapport-studio.js'];
const hash = createHash('sha256');
for (const name of PACKED) {
  const bytes = readFileSync(join(site, name));
  hash.update(bytes);
  const packed = zopfli(join(site, name));
  if (!gunzipSync(packed).equals(bytes)) {
    console.error(`package_site: ${name}.gz does not decompress to ${name}`);
    process.exit(1);
  }
  write(join(site, `${name}.gz`), packed);
}
const templates = { 'index.html': 'shell.html', 'sw.js': 'web/sw.js', 'manifest.webmanifest': 'web/manifest.webmanifest' };
for (const extra of ['web/lms.js', 'web/icon.svg', 'web/studio_export.js', ...Object.values(templates)]) hash.update(readFileSync(join(source, extra)));
const version = hash.digest('hex').slice(0, 12);

// index.html's inline scripts are minified by terser (Debian's node-terser, installed by
// ci/setup.sh; its default output escapes "</script" inside strings) and its HTML and CSS comments
// go: 18.8 KB became 14 KB, sent as it is by a host that does not compress.
async function minifyPage(html) {
  const terser = loadTerser();
  let out = '';
  let at = 0;
  for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    const min = await terser.minify(m[1], { compress: true, mangle: true, output: { inline_script: true } });
    out += html.slice(at, m.index) + '<script>' + min.code + '</script>';
    at = m.index + m[0].length;
  }
  out += html.slice(at);
  out = out.replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<style>[\s\S]*?<\/style>/g, (css) => css.replace(/\/\*[\s\S]*?\*\//g, ''));
  return out.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
}
for (const [out, template] of Object.entries(templates)) {
  const text = readFileSync(join(source, template), 'utf8').replaceAll('@RAPPORT_VERSION@', version);
  write(join(site, out), out === 'index.html' ? await minifyPage(text) : text);
}
// The studio's SCORM export: the zip library, the exporter and the kit it reads.
const fflate = join(source, 'web/node_modules/fflate/umd/index.js');
if (!existsSync(fflate)) {
  console.error(`package_site: ${fflate} is missing: run ci/setup.sh (it installs web/package.json's packages)`);
  process.exit(1);
}
write(join(site, 'zip.js'), readFileSync(fflate));
write(join(site, 'studio-export.js'), readFileSync(join(source, 'web/studio_export.js')));
// A package carries the learners' app only (as web/scorm/package.cmake does).
const kitFiles = readdirSync(site).filter((f) => !['scorm-kit.json', 'imsmanifest.xml'].includes(f) &&
  !f.startsWith('rapport-studio.') && statSync(join(site, f)).isFile()).sort();
const kit = {
  version, mastery: Number(masteryArg), policy, files: kitFiles,
  manifests: {
    '1.2': readFileSync(join(source, 'web/scorm/imsmanifest-12.xml.in'), 'utf8'),
    '2004': readFileSync(join(source, 'web/scorm/imsmanifest-2004.xml.in'), 'utf8'),
  },
};
write(join(site, 'scorm-kit.json'), JSON.stringify(kit, null, 1));
console.log(`site version ${version}`);
