// The network half of the browser benchmark (called by browser-bench.mjs): cold loads under
// slow-4G emulation (Chrome DevTools Protocol Network.emulateNetworkConditions: 1.6 Mbit/s down,
// 750 kbit/s up, 150 ms round trip) from a host that sends files as they are and from one that
// gzips them, and warm loads (a second visit in the same profile: HTTP cache, and Rapport's
// service worker). Each load in a fresh Chromium profile; the two sites take turns.
//
// - bytes on the wire: the encoded length (headers and body) of every response the page received
//   (Network.loadingFinished) up to the end of its first load: for Rapport, until the scenarios
//   fetched after the first frame are in the library (window.rapport.libraryComplete); for the
//   hello, its first frame. Also up to the first frame alone (bytesFirstFrame).
// - first frame: as in browser-bench.mjs, navigation start to the first ready frame; for Rapport
//   also navigation start to the complete library (completeMs).
// - warm: after a cold load (and, for Rapport, once its service worker holds the site), the page
//   is opened again in a new tab twice; median over all such loads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../web/serve.mjs';

export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };

const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Opens `url` in a new tab of `context`, optionally throttled; returns first frame and wire bytes. */
async function visit(context, url, site, instrument, throttle) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (throttle) await cdp.send('Network.emulateNetworkConditions', throttle);
    let bytes = 0, counting = true;
    cdp.on('Network.loadingFinished', (e) => { if (counting) bytes += e.encodedDataLength; });
    await page.addInitScript(instrument, site.flag);
    await page.goto(url);
    await page.waitForFunction((flag) => window[flag] && window[flag].ready, site.flag, { timeout: 180000, polling: 50 });
    const bytesFirstFrame = bytes;
    let completeMs = null;
    if (site.complete) {
      await page.waitForFunction(site.complete, null, { timeout: 180000, polling: 20 });
      completeMs = await page.evaluate(() => performance.now());
    }
    counting = false;
    const firstFrameMs = await page.evaluate(() => window.__bench.firstFrameAt);
    return { page, firstFrameMs, completeMs, bytes, bytesFirstFrame };
  } catch (e) {
    await page.close();
    throw e;
  }
}

async function withProfile(chromium, flags, fn) {
  const profile = mkdtempSync(join(tmpdir(), 'rapport-bench-net-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: flags, viewport: { width: 1280, height: 800 },
  });
  try {
    for (const p of context.pages()) await p.close();
    return await fn(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Waits (at most 20 s) until Rapport's service worker controls the page and has kept the site. */
async function workerSettled(page) {
  for (const until = Date.now() + 20000; Date.now() < until;) {
    const held = await page.evaluate(async () => {
      if (!navigator.serviceWorker || !navigator.serviceWorker.controller) return 0;
      const cache = (await caches.keys()).find((k) => k.startsWith('rapport-'));
      return cache ? (await (await caches.open(cache)).keys()).length : 0;
    });
    if (held >= 7) return;
    await page.waitForTimeout(200);
  }
}

/**
 * `sites`: [{ name, root, flag }] (Rapport first, then the hello). Returns per site
 * { plain: {firstFrames, bytes}, gzip: {...}, warm: [...] }.
 */
export async function benchNetwork({ chromium, flags, instrument, sites, loads = 3, warmProfiles = 2, log = () => {} }) {
  const servers = [];
  const serve = async (root, gzip) => { const s = await serveStatic(root, 0, '127.0.0.1', { gzip }); servers.push(s.server); return s.url; };
  const fresh = () => ({ firstFrames: [], bytes: [], bytesFirstFrame: [], complete: [] });
  const out = sites.map(() => ({ plain: fresh(), gzip: fresh(), warm: [] }));
  try {
    for (const host of ['plain', 'gzip']) {
      const urls = [];
      for (const site of sites) urls.push(await serve(site.root, host === 'gzip'));
      for (let i = 0; i < loads; i++) {
        log(`bench: slow-4G cold load ${i + 1} of ${loads}, ${host} host`);
        const order = i % 2 ? [1, 0] : [0, 1];
        for (const k of order) {
          await withProfile(chromium, flags, async (context) => {
            const v = await visit(context, urls[k], sites[k], instrument, SLOW_4G);
            out[k][host].firstFrames.push(v.firstFrameMs);
            out[k][host].bytes.push(v.bytes);
            out[k][host].bytesFirstFrame.push(v.bytesFirstFrame);
            if (v.completeMs !== null) out[k][host].complete.push(v.completeMs);
          });
        }
      }
    }
    const urls = [];
    for (const site of sites) urls.push(await serve(site.root, false));
    for (let i = 0; i < warmProfiles; i++) {
      log(`bench: warm loads, profile ${i + 1} of ${warmProfiles}`);
      const order = i % 2 ? [1, 0] : [0, 1];
      for (const k of order) {
        await withProfile(chromium, flags, async (context) => {
          const cold = await visit(context, urls[k], sites[k], instrument, null);
          if (k === 0) await workerSettled(cold.page); else await cold.page.waitForTimeout(1000);
          await cold.page.close();
          for (let j = 0; j < 2; j++) {
            const warm = await visit(context, urls[k], sites[k], instrument, null);
            out[k].warm.push(warm.firstFrameMs);
            await warm.page.waitForTimeout(500);  // let the browser store compiled code
            await warm.page.close();
          }
        });
      }
    }
  } finally {
    for (const s of servers) s.close();
  }
  const summary = (h) => ({ ...h, firstFrameMs: median(h.firstFrames), bytesOnWire: median(h.bytes),
    bytesFirstFrame: median(h.bytesFirstFrame), completeMs: median(h.complete) });
  return out.map((r) => ({
    plain: summary(r.plain),
    gzip: summary(r.gzip),
    warm: r.warm, warmMs: median(r.warm),
  }));
}
