// Any host: the app loads and plays from a host that sends files as they are (the page fetches the
// .gz copies and decompresses them itself), from a host that compresses (Content-Encoding), and in
// a browser without DecompressionStream (the plain files).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, run, assert, site } from './harness.mjs';

/** Loads the app, records what crossed the wire, plays the opening of a scenario. */
async function loadAndPlay(options) {
  const app = await openApp(options);
  const fetched = [];
  app.page.on('response', async (r) => {
    const path = new URL(r.url()).pathname.slice(1);
    fetched.push({ path, encoding: (await r.allHeaders())['content-encoding'] || '' });
  });
  try {
    await app.load();
    await app.click('scenario:questioned-advice');
    for (let i = 0; i < 4; i++) { await app.click('prep:1'); await app.click('button:Continue'); }
    await app.click('reply:1');
    const coach = await app.find('coach:last');
    assert(coach.text.length > 0, 'a reply was coded');
    assert(app.problems.length === 0, app.problems.join('\n'));
    return { fetched, packed: await app.page.evaluate(() => window.rapportDownloads.packed) };
  } finally { await app.close(); }
}

const names = (fetched) => fetched.map((f) => f.path).filter((p) => /^rapport[.-]/.test(p)).sort().join(' ');

await run([
  ['a host that does not compress: the page fetches the .gz copies and decompresses them', async () => {
    const { fetched, packed } = await loadAndPlay({});
    assert(packed, 'the page chose the compressed copies');
    assert(names(fetched) === 'rapport-scenarios.bin.gz rapport.data.gz rapport.js.gz rapport.wasm.gz', `fetched: ${names(fetched)}`);
    assert(fetched.every((f) => !f.encoding), 'nothing came with Content-Encoding');
  }],

  ['a host that compresses: the .gz copies arrive with Content-Encoding, other files gzip too', async () => {
    const { fetched } = await loadAndPlay({ gzip: true });
    assert(names(fetched) === 'rapport-scenarios.bin.gz rapport.data.gz rapport.js.gz rapport.wasm.gz', `fetched: ${names(fetched)}`);
    for (const f of fetched.filter((x) => /^(rapport[.-]|lms\.js|$)/.test(x.path))) {
      assert(f.encoding === 'gzip', `${f.path || 'index.html'} sent with gzip, got '${f.encoding}'`);
    }
  }],

  ['rapport.js runs while the data is still arriving, and the app waits for the data', async () => {
    const app = await openApp({
      init: () => {  // notes whether rapport.js had run (Module.FS) when the data package was in
        let downloads;
        Object.defineProperty(window, 'rapportDownloads', {
          configurable: true, get() { return downloads; },
          set(v) { downloads = v; v.data.then(() => { window.scriptRanBeforeData = !!(window.Module && window.Module.FS); }); },
        });
      },
    });
    await app.page.route(/rapport\.data/, async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
    try {
      await app.load();
      assert(await app.page.evaluate(() => window.scriptRanBeforeData) === true, 'rapport.js ran before the data was in');
      await app.click('scenario:questioned-advice');
      await app.click('prep:1');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['the library is drawn before the scenarios arrive; a card clicked meanwhile opens once they are in', async () => {
    const app = await openApp({});
    await app.page.route(/rapport-scenarios\.bin/, async (route) => { await new Promise((r) => setTimeout(r, 2500)); await route.continue(); });
    try {
      await app.load();
      const early = await app.page.evaluate(() => ({ complete: !!window.rapport.libraryComplete, at: performance.now() }));
      assert(!early.complete, 'the first frame came before the scenarios');
      await app.click('scenario:questioned-advice');
      const opened = await app.page.evaluate(() => ({ complete: !!window.rapport.libraryComplete, at: performance.now() }));
      assert(opened.complete, 'the click was answered once the scenarios were in');
      await app.click('prep:1');
      await app.click('button:Continue');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['scenarios that cannot be downloaded: after three tries, a message naming the file', async () => {
    // A host that lacks the file (the service worker, which fetches for itself, finds none either).
    const root = mkdtempSync(join(tmpdir(), 'rapport-no-pack-'));
    cpSync(site, root, { recursive: true });
    rmSync(join(root, 'rapport-scenarios.bin'));
    rmSync(join(root, 'rapport-scenarios.bin.gz'));
    const app = await openApp({ root });
    const asked = [];
    app.page.on('request', (r) => { if (/rapport-scenarios\.bin/.test(r.url())) asked.push(r.url()); });
    try {
      await app.load();
      await app.page.waitForFunction(() => document.getElementById('error').textContent.length > 0, null, { timeout: 15000 });
      const message = await app.page.evaluate(() => document.getElementById('error').textContent);
      assert(/rapport-scenarios\.bin/.test(message) && /404/.test(message), `the message names the file and the answer: ${message}`);
      assert(asked.length === 3, `the page asked three times, not ${asked.length}: ${asked.join(', ')}`);
      assert(await app.page.evaluate(() => !document.getElementById('overlay').classList.contains('hidden')), 'the message is shown');
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  }],

  ['a browser without DecompressionStream gets the plain files', async () => {
    const { fetched, packed } = await loadAndPlay({ init: () => { delete window.DecompressionStream; } });
    assert(!packed, 'the page did not choose the compressed copies');
    assert(names(fetched) === 'rapport-scenarios.bin rapport.data rapport.js rapport.wasm', `fetched: ${names(fetched)}`);
  }],
]);
