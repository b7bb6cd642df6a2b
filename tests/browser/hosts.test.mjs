// Any host: the app loads and plays from a host that sends files as they are (the page fetches the
// .gz copies and decompresses them itself), from a host that compresses (Content-Encoding), and in
// a browser without DecompressionStream (the plain files).
import { openApp, run, assert } from './harness.mjs';

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

const names = (fetched) => fetched.map((f) => f.path).filter((p) => p.startsWith('rapport.')).sort().join(' ');

await run([
  ['a host that does not compress: the page fetches the .gz copies and decompresses them', async () => {
    const { fetched, packed } = await loadAndPlay({});
    assert(packed, 'the page chose the compressed copies');
    assert(names(fetched) === 'rapport.data.gz rapport.js.gz rapport.wasm.gz', `fetched: ${names(fetched)}`);
    assert(fetched.every((f) => !f.encoding), 'nothing came with Content-Encoding');
  }],

  ['a host that compresses: the .gz copies arrive with Content-Encoding, other files gzip too', async () => {
    const { fetched } = await loadAndPlay({ gzip: true });
    assert(names(fetched) === 'rapport.data.gz rapport.js.gz rapport.wasm.gz', `fetched: ${names(fetched)}`);
    for (const f of fetched.filter((x) => /^(rapport\.|lms\.js|$)/.test(x.path))) {
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

  ['a browser without DecompressionStream gets the plain files', async () => {
    const { fetched, packed } = await loadAndPlay({ init: () => { delete window.DecompressionStream; } });
    assert(!packed, 'the page did not choose the compressed copies');
    assert(names(fetched) === 'rapport.data rapport.js rapport.wasm', `fetched: ${names(fetched)}`);
  }],
]);
