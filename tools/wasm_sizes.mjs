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

/** The library a function belongs to, from its demangled name. */
function library(n) {
  if (/nlohmann|json_abi|basic_json|json_sax/.test(n)) return 'nlohmann/json';
  if (/rapport::ui::/.test(n)) return 'ui (screens)';
  if (/rapport::web::|^rapport_|^\(anonymous namespace\)::/.test(n)) return 'web (platform)';  // web/main.cpp's own
  if (/rapport/.test(n)) return 'core';
  if (/ImGui|Im[A-Z][a-zA-Z]+|stbtt|stbrp|stb_/.test(n)) return 'Dear ImGui + stb';
  if (/std::|_Unwind|__cxa|__cxx|demangl|operator new|operator delete/.test(n)) return 'C++ standard library';
  if (!n.includes('(')) return 'C library';  // C functions carry no signature
  return 'Dear ImGui + stb';  // the rest are ImGui's static helpers (CreateNewWindow, CheckShader, ...)
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
