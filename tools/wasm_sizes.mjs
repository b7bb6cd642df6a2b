// What a wasm is made of: the size of every function body, grouped by library, from the wasm's
// name section (link with --profiling-funcs to keep it). Used for the README's size breakdown.
//
//   node tools/wasm_sizes.mjs build/web/rapport-named.wasm [--top 30]
import { readFileSync } from 'node:fs';

const [path] = process.argv.slice(2);
if (!path) { console.error('usage: node tools/wasm_sizes.mjs <file.wasm> [--top N]'); process.exit(2); }
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 30;
const bytes = readFileSync(path);

let at = 8;
function leb() {
  let result = 0, shift = 0, b;
  do { b = bytes[at++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
}
function name() { const n = leb(); const s = bytes.toString('utf8', at, at + n); at += n; return s; }

let imported = 0;
const bodies = [];  // code-section body sizes, in order
const names = new Map();
const sections = {};
while (at < bytes.length) {
  const id = bytes[at++], size = leb(), end = at + size;
  const label = id === 0 ? `custom:${(() => { const s = at; const n = name(); at = s; return n; })()}` : `section ${id}`;
  sections[label] = (sections[label] || 0) + size;
  if (id === 2) {  // imports: count the functions, whose indices come first
    for (let n = leb(); n > 0; n--) { name(); name(); const kind = bytes[at++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { at++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { at += 2; } else if (kind === 4) { at++; leb(); } }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) { const s = leb(); bodies.push(s); at += s; }
  } else if (id === 0) {
    if (name() === 'name') {
      while (at < end) {
        const sub = bytes[at++], subSize = leb(), subEnd = at + subSize;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const index = leb(); names.set(index, name()); }
        at = subEnd;
      }
    }
  }
  at = end;
}

/** The library a (mangled or demangled) function name belongs to. */
function library(n) {
  if (/nlohmann|json_abi|basic_json|json_sax|lexer|parser<|serializer</.test(n)) return 'nlohmann/json';
  if (/rapport.{0,6}ui|N7rapport2ui/.test(n)) return 'ui (screens)';
  if (/rapport.{0,6}web|N7rapport3web|^rapport_|emscripten_|^js_/.test(n)) return 'web (platform)';
  if (/rapport/i.test(n)) return 'core';
  if (/ImGui|imgui|Im[A-Z][a-zA-Z]+|stbtt|stbrp|stb_|STB/.test(n)) return 'Dear ImGui + stb';
  if (/^(_Z.*St3__|std::|__cxa|__cxx|operator new|operator delete)|NSt3__|St3__|^std/.test(n)) return 'C++ standard library';
  if (/^(dl|em)malloc|^malloc|^free|^mem|^str|printf|^__|^sbrk|^fmt|^pthread|^_*stdio|^f[a-z]+$/.test(n)) return 'C library';
  return 'other';
}
const groups = new Map();
const all = bodies.map((size, i) => ({ size, name: names.get(imported + i) || `#${imported + i}` }));
for (const f of all) {
  const g = library(f.name);
  const e = groups.get(g) || { bytes: 0, count: 0 };
  e.bytes += f.size; e.count++;
  groups.set(g, e);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${path}: ${kb(bytes.length)}, ${all.length} functions (${kb(all.reduce((a, f) => a + f.size, 0))} of code)`);
for (const [label, size] of Object.entries(sections).sort((a, b) => b[1] - a[1])) console.log(`  ${label.padEnd(24)} ${kb(size).padStart(10)}`);
console.log('by library:');
for (const [g, e] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`  ${g.padEnd(24)} ${kb(e.bytes).padStart(10)} ${String(e.count).padStart(6)} functions`);
console.log(`largest ${top}:`);
for (const f of all.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`  ${kb(f.size).padStart(10)}  ${library(f.name).padEnd(20)} ${f.name.slice(0, 110)}`);
