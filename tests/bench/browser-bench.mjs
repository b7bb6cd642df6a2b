// Browser benchmark (run by ci/bench.sh): Rapport's web build next to a minimal Dear ImGui hello
// built with the same toolchain, measured the same way in one run in headless Chromium. Prints a
// table, the ratios to the hello, and as its LAST line one line of key=value pairs.
//
//   node tests/bench/browser-bench.mjs [--loads 5] [--idle-ms 5000] [--net-loads 3]
//                                      [--rapport build/web/site] [--hello build/bench-hello/site]
//   RAPPORT_BENCH=path/to/rapport_bench  native benchmark binary for the coder figure
//                                        (default build/native/rapport_bench, skipped if absent)
//
// What is measured, per site:
// - transfer: every file the page fetched during a cold load, raw and gzip -9 (as served compressed).
// - first frame: navigation start to the first frame that sets the page's ready flag
//   (window.rapport.ready / window.benchHello.ready), read with performance.now() inside the page
//   by a setter on the flag; median of N cold loads, each in a fresh Chromium profile. The two
//   sites' loads take turns, so that load on the machine changing during the run hits both alike.
// - idle frames: frames drawn in 5 s without input, 1 s after the first frame.
// - frame CPU while playing: every requestAnimationFrame callback that drew a frame is timed in
//   the page (median and p90, ms; Chromium coarsens performance.now() to 0.1 ms here); also the
//   Chrome DevTools Protocol TaskDuration and ScriptDuration deltas divided by the frames drawn
//   (these include the benchmark's own polling of the hit table, so they overstate the app). Rapport plays its first scenario by clicking
//   the hit table's rectangles, as tests/browser/harness.mjs does; the hello clicks its button.
// - heap: the wasm memory (Module.HEAP8.length) after playing, and the JS heap (performance.memory).
// - network: slow-4G cold loads from both kinds of host and warm loads (see network-bench.mjs).
// The sites are served as they are (no gzip), as most hosts do: Rapport's page fetches its .gz copies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../../web/serve.mjs';
import { benchNetwork } from './network-bench.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(repo, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const LOADS = Number(option('loads', 5));
const IDLE_MS = Number(option('idle-ms', 5000));
const NET_LOADS = Number(option('net-loads', 3));
const SITES = [
  { name: 'rapport', root: resolve(repo, option('rapport', 'build/web/site')), flag: 'rapport', play: playRapport,
    complete: () => window.rapport && window.rapport.libraryComplete },
  { name: 'hello', root: resolve(repo, option('hello', 'build/bench-hello/site')), flag: 'benchHello', play: playHello },
];

const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (x, digits = 0) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : 'NA');

/** Installed before any page script: times the first ready frame and every drawing rAF callback. */
function instrument(flag) {
  const bench = (window.__bench = { firstFrameAt: null, rafMs: [], recording: false });
  let published;
  const markReady = () => { if (bench.firstFrameAt === null) bench.firstFrameAt = performance.now(); };
  const watch = (o) => {
    if (!o || typeof o !== 'object') return;
    let ready = o.ready;
    if (ready) markReady();
    Object.defineProperty(o, 'ready', {
      configurable: true, enumerable: true,
      get() { return ready; },
      set(v) { ready = v; if (v) markReady(); },
    });
  };
  Object.defineProperty(window, flag, {
    configurable: true, enumerable: true,
    get() { return published; },
    set(v) { published = v; watch(v); },
  });
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((ts) => {
    const before = published && published.frames;
    const t0 = performance.now();
    try {
      cb(ts);
    } finally {
      const t1 = performance.now();
      if (bench.recording && published && published.frames !== before) bench.rafMs.push(t1 - t0);
    }
  });
}

/** Opens one cold page (fresh profile) on `site`, waits for its first frame; returns helpers. */
async function coldLoad(site, url) {
  const profile = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: FLAGS, viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] || await context.newPage();
  const fetched = new Set();
  const errors = [];
  page.on('response', (r) => { if (r.url().startsWith(url) && r.status() === 200) fetched.add(new URL(r.url()).pathname); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(instrument, site.flag);
  await page.goto(url);
  await page.waitForFunction((flag) => window[flag] && window[flag].ready, site.flag, { timeout: 120000, polling: 50 });
  const firstFrameMs = await page.evaluate(() => window.__bench.firstFrameAt);
  return {
    page, context, fetched, errors, firstFrameMs, flag: site.flag,
    frames: () => page.evaluate((flag) => window[flag].frames, site.flag),
    async close() { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Clicks the centre of a rectangle and waits until the page drew two more frames. */
async function clickRect(load, rect) {
  const before = await load.frames();
  await load.page.mouse.click(rect.x + rect.w / 2, rect.y + rect.h / 2);
  await load.page.waitForFunction(([flag, f]) => window[flag].frames > f + 1, [load.flag, before], { timeout: 10000, polling: 20 })
    .catch(() => {});
  await load.page.mouse.move(1, 1);
}

/** Plays Rapport's first scenario to an ending with the first offered option at every step. */
async function playRapport(load) {
  const hits = () => load.page.evaluate(() => JSON.parse(window.rapport.hitsJson || '[]'));
  const find = async (pred, timeout = 5000) => {
    const until = Date.now() + timeout;
    for (;;) {
      const hit = (await hits()).find(pred);
      if (hit || Date.now() > until) return hit;
      await load.page.waitForTimeout(50);
    }
  };
  const card = await find((h) => h.label.startsWith('scenario:'), 20000);
  if (!card) throw new Error('no scenario card on the home screen');
  await clickRect(load, card);
  let steps = 0;
  for (; steps < 80; steps++) {
    const all = await hits();
    const by = (label) => all.find((h) => h.label === label);
    if (by('outcome')) break;
    const next = by('prep:1') ? [by('prep:1'), by('button:Continue')] : by('reply:1') ? [by('reply:1')]
      : by('button:Continue') ? [by('button:Continue')] : null;
    if (!next) { await load.page.waitForTimeout(100); continue; }
    for (const h of next) if (h) await clickRect(load, h);
  }
  const outcome = await find((h) => h.label === 'outcome', 3000);
  return { scenario: card.label.slice('scenario:'.length), steps, ended: outcome ? outcome.text : 'not reached' };
}

/** Clicks the hello's button 20 times. */
async function playHello(load) {
  for (let i = 0; i < 20; i++) {
    const button = await load.page.evaluate(() => window.benchHello.button);
    const before = await load.frames();
    await load.page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
    await load.page.waitForFunction((f) => window.benchHello.frames > f + 1, before, { timeout: 10000, polling: 20 });
  }
  return { scenario: '-', steps: 20, ended: 'button clicked 20 times' };
}

/** Idle frames, frame CPU while playing and heap, on an already loaded page. */
async function measureInteractive(site, load) {
  await load.page.waitForTimeout(1000);
  const idleStart = await load.frames();
  await load.page.waitForTimeout(IDLE_MS);
  const idleFrames = (await load.frames()) - idleStart;

  const cdp = await load.context.newCDPSession(load.page);
  await cdp.send('Performance.enable');
  const metric = (m, name) => (m.metrics.find((x) => x.name === name) || { value: NaN }).value;
  await load.page.evaluate(() => { window.__bench.rafMs = []; window.__bench.recording = true; });
  const m0 = await cdp.send('Performance.getMetrics');
  const f0 = await load.frames();
  const play = await site.play(load);
  const m1 = await cdp.send('Performance.getMetrics');
  const f1 = await load.frames();
  const rafMs = await load.page.evaluate(() => { window.__bench.recording = false; return window.__bench.rafMs; });
  const frames = Math.max(1, f1 - f0);
  const heap = await load.page.evaluate(() => {
    const M = window.Module;
    const wasm = M && M.HEAP8 ? M.HEAP8.length : (typeof wasmMemory !== 'undefined' ? wasmMemory.buffer.byteLength : null);
    const js = performance.memory ? performance.memory.usedJSHeapSize : null;
    return { wasm, js, source: M && M.HEAP8 ? 'Module.HEAP8.length' : 'wasmMemory' };
  });
  return {
    idleFrames, play, playFrames: f1 - f0,
    frameCpuMedianMs: median(rafMs), frameCpuP90Ms: quantile(rafMs, 0.9), rafSamples: rafMs.length,
    taskMsPerFrame: (1000 * (metric(m1, 'TaskDuration') - metric(m0, 'TaskDuration'))) / frames,
    scriptMsPerFrame: (1000 * (metric(m1, 'ScriptDuration') - metric(m0, 'ScriptDuration'))) / frames,
    heap,
  };
}

function transfer(root, paths) {
  const files = [...paths].sort().map((p) => {
    const rel = p === '/' ? 'index.html' : p.replace(/^\//, '');
    const bytes = readFileSync(join(root, rel));
    return { file: rel, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) };
}

/** Opens one cold load of `state.site`; the first also measures idle frames, playing and sizes. */
async function loadOnce(state) {
  const load = await coldLoad(state.site, state.url);
  try {
    state.firstFrames.push(load.firstFrameMs);
    if (!state.interactive) {
      state.interactive = await measureInteractive(state.site, load);
      state.sizes = transfer(state.site.root, load.fetched);
    }
    state.errors.push(...load.errors);
  } finally {
    await load.close();
  }
}

/**
 * Cold-loads the sites in turns (rapport, hello, then hello, rapport, ...), so that a machine
 * getting busier or quieter during the run moves both medians alike and the ratio stays fair.
 */
async function benchSites(sites) {
  const states = [];
  try {
    for (const site of sites) {
      if (!existsSync(join(site.root, 'index.html'))) throw new Error(`${site.name}: no site at ${site.root}`);
      const { server, url } = await serveStatic(site.root, 0);
      states.push({ site, server, url, firstFrames: [], interactive: null, sizes: null, errors: [] });
    }
    for (let i = 0; i < LOADS; i++) {
      process.stderr.write(`bench: cold load ${i + 1} of ${LOADS}\n`);
      const order = i % 2 ? [...states].reverse() : states;
      for (const state of order) await loadOnce(state);
    }
    return states.map((st) => ({ site: st.site, firstFrames: st.firstFrames, firstFrameMs: median(st.firstFrames),
      interactive: st.interactive, sizes: st.sizes, errors: st.errors }));
  } finally {
    for (const st of states) st.server.close();
  }
}

function coderFigure() {
  const bin = process.env.RAPPORT_BENCH || join(repo, 'build/native/rapport_bench');
  if (!existsSync(bin)) return { repliesPerSecond: NaN, note: `no ${bin}` };
  const out = execFileSync(bin, ['--benchmark_filter=Coder', '--benchmark_format=json', '--benchmark_min_time=0.5'],
    { encoding: 'utf8', maxBuffer: 16 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  const runs = JSON.parse(out).benchmarks || [];
  const pick = runs.find((b) => /TypicalMix/.test(b.name)) || runs.find((b) => b.items_per_second);
  return { repliesPerSecond: pick ? pick.items_per_second : NaN, note: pick ? `${pick.name} (${bin})` : 'no Coder benchmark',
    all: runs.map((b) => `${b.name}: ${Math.round(b.items_per_second || 0)}/s`) };
}

const results = await benchSites(SITES);
const [net, helloNet] = await benchNetwork({ chromium, flags: FLAGS, instrument, sites: SITES, loads: NET_LOADS,
  log: (m) => process.stderr.write(`${m}\n`) });
const coder = coderFigure();
const [rapport, hello] = results;

// --- human table ---
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('\nTransfer (files fetched on a cold load; gzip -9 as a server would send them)');
for (const r of results) {
  for (const f of r.sizes.files) console.log(`  ${r.site.name.padEnd(8)} ${f.file.padEnd(16)} ${kb(f.raw).padStart(11)} raw ${kb(f.gzip).padStart(11)} gzip`);
  console.log(`  ${r.site.name.padEnd(8)} ${'total'.padEnd(16)} ${kb(r.sizes.raw).padStart(11)} raw ${kb(r.sizes.gzip).padStart(11)} gzip`);
}
console.log('\nPer site                           rapport        hello');
const row = (label, a, b) => console.log(`  ${label.padEnd(30)} ${String(a).padStart(10)}   ${String(b).padStart(10)}`);
row(`first frame, median of ${LOADS} (ms)`, round(rapport.firstFrameMs), round(hello.firstFrameMs));
row('first frame, all loads (ms)', rapport.firstFrames.map((x) => round(x)).join(','), hello.firstFrames.map((x) => round(x)).join(','));
row(`frames drawn in ${IDLE_MS / 1000} s idle`, rapport.interactive.idleFrames, hello.interactive.idleFrames);
row('frames drawn while playing', rapport.interactive.playFrames, hello.interactive.playFrames);
row('frame CPU, median rAF (ms)', round(rapport.interactive.frameCpuMedianMs, 3), round(hello.interactive.frameCpuMedianMs, 3));
row('frame CPU, p90 rAF (ms)', round(rapport.interactive.frameCpuP90Ms, 3), round(hello.interactive.frameCpuP90Ms, 3));
row('CDP task time / frame (ms)', round(rapport.interactive.taskMsPerFrame, 3), round(hello.interactive.taskMsPerFrame, 3));
row('CDP script time / frame (ms)', round(rapport.interactive.scriptMsPerFrame, 3), round(hello.interactive.scriptMsPerFrame, 3));
row('wasm heap (bytes)', rapport.interactive.heap.wasm, hello.interactive.heap.wasm);
row('JS heap used (bytes)', rapport.interactive.heap.js, hello.interactive.heap.js);
console.log(`  played: ${rapport.interactive.play.scenario} in ${rapport.interactive.play.steps} steps -> ${rapport.interactive.play.ended}`);
console.log(`  wasm heap read from ${rapport.interactive.heap.source}`);
console.log(`  coder: ${Number.isFinite(coder.repliesPerSecond) ? Math.round(coder.repliesPerSecond) + ' replies/s, ' : ''}${coder.note}`);
for (const r of results) if (r.errors.length) console.log(`  ${r.site.name} page errors: ${[...new Set(r.errors)].join(' | ')}`);

console.log(`\nSlow 4G (1.6 Mbit/s down, 150 ms round trip), cold, median of ${NET_LOADS}; warm: second visit, same profile`);
row('uncompressed host: bytes on wire, first load', round(net.plain.bytesOnWire), round(helloNet.plain.bytesOnWire));
row('  of those, before the first frame', round(net.plain.bytesFirstFrame), round(helloNet.plain.bytesFirstFrame));
row('uncompressed host: first frame', round(net.plain.firstFrameMs), round(helloNet.plain.firstFrameMs));
row('  scenarios in (library complete)', round(net.plain.completeMs), '');
row('  all loads', net.plain.firstFrames.map((x) => round(x)).join(','), helloNet.plain.firstFrames.map((x) => round(x)).join(','));
row('gzip host: bytes on wire', round(net.gzip.bytesOnWire), round(helloNet.gzip.bytesOnWire));
row('gzip host: first frame', round(net.gzip.firstFrameMs), round(helloNet.gzip.firstFrameMs));
row('  all loads', net.gzip.firstFrames.map((x) => round(x)).join(','), helloNet.gzip.firstFrames.map((x) => round(x)).join(','));
row('warm load: first frame', round(net.warmMs), round(helloNet.warmMs));
row('  all loads', net.warm.map((x) => round(x)).join(','), helloNet.warm.map((x) => round(x)).join(','));

const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? round(a / b, 2) : 'NA');
const wasmGzip = (r) => r.sizes.files.filter((f) => /\.wasm(\.gz)?(\?|$)/.test(f.file)).reduce((a, f) => a + f.gzip, 0);
console.log('\nRatios to the hello');
console.log(`  transfer gzip ${ratio(rapport.sizes.gzip, hello.sizes.gzip)}x, wasm gzip ${ratio(wasmGzip(rapport), wasmGzip(hello))}x, ` +
  `first frame ${ratio(rapport.firstFrameMs, hello.firstFrameMs)}x, frame CPU ${ratio(rapport.interactive.frameCpuMedianMs, hello.interactive.frameCpuMedianMs)}x, ` +
  `idle frames ${ratio(rapport.interactive.idleFrames, hello.interactive.idleFrames)}x, wasm heap ${ratio(rapport.interactive.heap.wasm, hello.interactive.heap.wasm)}x`);

const pairs = {
  site_gzip_bytes: rapport.sizes.gzip,
  site_raw_bytes: rapport.sizes.raw,
  wasm_gzip_bytes: wasmGzip(rapport),
  hello_site_gzip_bytes: hello.sizes.gzip,
  hello_wasm_gzip_bytes: wasmGzip(hello),
  size_ratio: ratio(rapport.sizes.gzip, hello.sizes.gzip),
  first_frame_ms: round(rapport.firstFrameMs),
  hello_first_frame_ms: round(hello.firstFrameMs),
  first_frame_ratio: ratio(rapport.firstFrameMs, hello.firstFrameMs),
  idle_frames: rapport.interactive.idleFrames,
  hello_idle_frames: hello.interactive.idleFrames,
  frame_cpu_ms: round(rapport.interactive.frameCpuMedianMs, 3),
  hello_frame_cpu_ms: round(hello.interactive.frameCpuMedianMs, 3),
  frame_task_ms: round(rapport.interactive.taskMsPerFrame, 3),
  heap_bytes: rapport.interactive.heap.wasm ?? 'NA',
  hello_heap_bytes: hello.interactive.heap.wasm ?? 'NA',
  coder_replies_per_s: round(coder.repliesPerSecond),
  bytes_on_wire: round(net.plain.bytesOnWire),
  hello_bytes_on_wire: round(helloNet.plain.bytesOnWire),
  bytes_before_first_frame: round(net.plain.bytesFirstFrame),
  slow4g_first_frame_ms: round(net.plain.firstFrameMs),
  slow4g_library_complete_ms: round(net.plain.completeMs),
  hello_slow4g_first_frame_ms: round(helloNet.plain.firstFrameMs),
  slow4g_ratio: ratio(net.plain.firstFrameMs, helloNet.plain.firstFrameMs),
  gzip_bytes_on_wire: round(net.gzip.bytesOnWire),
  hello_gzip_bytes_on_wire: round(helloNet.gzip.bytesOnWire),
  gzip_slow4g_first_frame_ms: round(net.gzip.firstFrameMs),
  hello_gzip_slow4g_first_frame_ms: round(helloNet.gzip.firstFrameMs),
  gzip_slow4g_ratio: ratio(net.gzip.firstFrameMs, helloNet.gzip.firstFrameMs),
  warm_first_frame_ms: round(net.warmMs),
  hello_warm_first_frame_ms: round(helloNet.warmMs),
  warm_ratio: ratio(net.warmMs, helloNet.warmMs),
};
console.log('');
console.log(Object.entries(pairs).map(([k, v]) => `${k}=${v}`).join(' '));
