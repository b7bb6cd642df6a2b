// Offline after the first visit: the service worker keeps the site, so with the network off (and
// the server gone) the page reloads and plays, in kiosk mode too; a changed build is picked up on
// the next visit online, with a quiet "updated" notice.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, run, assert, site } from './harness.mjs';
import { serveStatic } from '../../web/serve.mjs';

/** Waits until this version's service worker controls the page and holds every file. */
async function workerReady(app, version) {
  const kept = ['', 'icon.svg', 'lms.js', 'manifest.webmanifest', 'rapport-scenarios.bin', 'rapport.data', 'rapport.js', 'rapport.wasm'].join(' ');
  const held = () => app.page.evaluate(async (v) => {
    if (!navigator.serviceWorker.controller) return 'no worker';
    const keys = await caches.keys();
    if (keys.length !== 1 || keys[0] !== `rapport-${v}`) return `caches ${keys.join()}`;
    return (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname.slice(1)).sort().join(' ');
  }, version);
  // (waitForFunction takes a promise for a true value: this polls the answer instead.)
  for (const until = Date.now() + 30000; ;) {
    const now = await held();
    if (now === kept) return;
    if (Date.now() > until) throw new Error(`the worker holds: ${now}`);
    await app.page.waitForTimeout(200);
  }
}

async function playOpening(app) {
  await app.click('scenario:questioned-advice');
  for (let i = 0; i < 4; i++) { await app.click('prep:1'); await app.click('button:Continue'); }
  await app.click('reply:1');
  await app.click('reply:1');
  const coach = await app.find('coach:last');
  assert(coach.text.length > 0, 'replies were coded');
}

await run([
  ['after one online visit the app reloads and plays offline; a new build is picked up next visit', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rapport-site-'));
    cpSync(site, root, { recursive: true });
    const app = await openApp({ root });
    try {
      await app.load();
      const version = await app.page.evaluate(() => window.rapportDownloads.version);
      await workerReady(app, version);

      // Network off: the browser offline, its HTTP cache emptied and the server stopped.
      const cdp = await app.context.newCDPSession(app.page);
      await cdp.send('Network.clearBrowserCache');
      const port = new URL(app.url).port;
      app.server.closeAllConnections();
      await new Promise((done) => app.server.close(done));
      await app.context.setOffline(true);
      await app.load();
      assert(await app.page.evaluate(() => !window.rapportDownloads.packed), 'offline: the worker served the plain files');
      await playOpening(app);
      await app.load('?kiosk=1');
      await app.find('button:Start');
      assert(!(await app.page.evaluate(() => document.getElementById('notice').textContent)), 'no notice without an update');

      // A changed build (its version is all the page and the worker know of it), served again.
      const next = 'a-newer-build';
      for (const name of ['index.html', 'sw.js']) {
        const path = join(root, name);
        writeFileSync(path, readFileSync(path, 'utf8').replaceAll(version, next));
      }
      app.server = (await serveStatic(root, Number(port))).server;
      await app.context.setOffline(false);
      await app.load();
      assert(await app.page.evaluate(() => window.rapportDownloads.version) === next, 'the next visit runs the new build');
      await app.page.waitForFunction(() => /updated/.test(document.getElementById('notice').textContent), null, { timeout: 10000 });
      await workerReady(app, next);
      await playOpening(app);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  }],
]);
