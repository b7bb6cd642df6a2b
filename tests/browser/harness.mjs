// Shared browser-test plumbing: Debian's Chromium through playwright-core, the static server,
// strict checks (no console errors, no requests outside the site) and clicks by widget label.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../web/serve.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const site = join(repo, 'build/web/site');
export const artifacts = join(repo, 'build/test-artifacts');
mkdirSync(artifacts, { recursive: true });

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// One Chromium per test file (started at the first openApp, closed by run() at the end): each app
// gets a fresh browser context of its own, with empty storage, as a new profile would have, without
// the second that starting a browser costs.
let browser = null;
async function sharedBrowser() {
  browser ??= chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
  return browser;
}

/**
 * Starts the server and a fresh Chromium context (empty storage); returns helpers bound to one page. With
 * `frame` (a CSS selector of an <iframe> on the page, e.g. an LMS host page embedding the app),
 * the helpers read and click the app inside that iframe, adding the iframe's offset.
 */
export async function openApp({ width = 1280, height = 800, deviceScaleFactor = 1, root = site, path = '', frame = null,
  types = {}, gzip = false, init = null, seed = 1, reducedMotion = 'reduce', hasTouch = false } = {}) {
  const { server, url } = await serveStatic(root, 0, '127.0.0.1', { types, gzip });
  const context = await (await sharedBrowser()).newContext({
    viewport: { width, height }, deviceScaleFactor, hasTouch, isMobile: hasTouch,
    // Tests click through conversations at machine speed: the learner-facing typing pause before
    // client lines is off under reduced motion, as for learners who ask for it. pacing.test.mjs
    // opens with 'no-preference' to test the pause itself.
    reducedMotion,
  });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const problems = [];
  // Where the app runs: the page itself, or the iframe selected by `frame` and its offset.
  async function appScope() {
    if (!frame) return { scope: page, dx: 0, dy: 0 };
    const element = await page.waitForSelector(frame, { timeout: 60000 });
    const scope = await element.contentFrame();
    const box = await element.boundingBox();
    const [left, top] = await element.evaluate((e) => [e.clientLeft, e.clientTop]);
    return { scope, dx: box.x + left, dy: box.y + top };
  }
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(url) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`request outside the site: ${u}`);
  });
  const app = {
    page, context, url, problems, server,
    /** The Playwright frame running the app (the page itself unless `frame` was given). */
    async appFrame() { return (await appScope()).scope; },
    async load(extra = path) {
      // Sessions shuffle their replies; tests see the order of a fixed seed (the one `rapport play`
      // uses by default) unless they ask for the app's own fresh order with seed: null, or for the
      // authored order with seed: 0.
      const withSeed = seed === null || frame || /[?&]seed=/.test(extra) ? extra
        : extra + (extra.includes('?') ? '&' : '?') + (seed === 0 ? 'order=authored' : `seed=${seed}`);
      await page.goto(url + withSeed);
      const { scope } = await appScope();
      await scope.waitForFunction(() => window.rapport && window.rapport.ready, null, { timeout: 60000 });
    },
    async hits() {
      const { scope } = await appScope();
      return scope.evaluate(() => JSON.parse(window.rapport.hitsJson || '[]'));
    },
    /** Waits for a widget by exact label (or a predicate) and returns it. */
    async find(label, timeout = 10000) {
      const until = Date.now() + timeout;
      for (;;) {
        const hit = (await app.hits()).find((h) => (typeof label === 'function' ? label(h) : h.label === label));
        if (hit) return hit;
        if (Date.now() > until) {
          const seen = (await app.hits()).map((h) => h.label).join(', ');
          throw new Error(`no widget '${label}' on screen; visible: ${seen}`);
        }
        await page.waitForTimeout(50);
      }
    },
    /** Scrolls the view under the pointer with the mouse wheel until the widget is visible (12,000 px
     * at most: the library at a phone's larger text sizes is over 6,000 px tall). */
    async reveal(label, { x = Math.min(640, width / 2), y = Math.min(400, height / 2), step = 300, tries = 40 } = {}) {
      for (let i = 0; i < tries; i++) {
        const hit = (await app.hits()).find((h) => h.label === label);
        if (hit) return hit;
        const { scope, dx, dy } = await appScope();
        const frames = await scope.evaluate(() => window.rapport.frames);
        await page.mouse.move(x + dx, y + dy);
        await page.mouse.wheel(0, step);
        await scope.waitForFunction((f) => window.rapport.frames > f + 1, frames, { timeout: 10000 });
        await page.waitForTimeout(50);
      }
      return app.find(label, 100);
    },
    /** Clicks the centre of a labelled widget with the real mouse, then waits for frames. */
    async click(label) {
      // A widget can move for a frame or two after the screen changes: click where it settles.
      // Library cards are sorted by difficulty, so a learner may have to scroll to one: so do we.
      let hit = typeof label === 'string' && label.startsWith('scenario:')
        ? await app.find(label, 3000).catch(() => app.reveal(label)) : await app.find(label);
      // Settled means: no frame was drawn for 150 ms (the app draws nothing while idle), or a new
      // frame drew the widget where the last one did. Under load a frame can take longer than a
      // fixed pause, so two reads between the same frames prove nothing.
      const { scope, dx, dy } = await appScope();
      for (let i = 0; i < 30; i++) {
        const before = await scope.evaluate(() => window.rapport.frames);
        const drew = await scope.waitForFunction((f) => window.rapport.frames > f, before, { timeout: 150 })
          .then(() => true, () => false);
        const again = await app.find(label);
        const same = again.x === hit.x && again.y === hit.y && again.w === hit.w && again.h === hit.h;
        hit = again;
        if (!drew || same) break;
      }
      const frames = await scope.evaluate(() => window.rapport.frames);
      await page.mouse.click(dx + hit.x + hit.w / 2, dy + hit.y + hit.h / 2);
      // The press lands in one frame and the release in the next; what the release did is drawn
      // in the frame after that: three frames (the app draws three per input, so none is waited for in vain).
      await scope.waitForFunction((f) => window.rapport.frames > f + 2, frames, { timeout: 10000 });
      await page.mouse.move(1, 1);
      return hit;
    },
    async settle(ms = 400) { await page.waitForTimeout(ms); },
    /** Waits until no frame has been drawn for `quietMs` (animations over), at most `limitMs`. */
    async quiet(quietMs = 1000, limitMs = 15000) {
      const { scope } = await appScope();
      const end = Date.now() + limitMs;
      let last = await scope.evaluate(() => window.rapport.frames);
      let since = Date.now();
      while (Date.now() < end && Date.now() - since < quietMs) {
        await page.waitForTimeout(100);
        const now = await scope.evaluate(() => window.rapport.frames);
        if (now !== last) { last = now; since = Date.now(); }
      }
    },
    async screenshot(name) { await page.screenshot({ path: join(artifacts, name) }); },
    async close() {
      await context.close();
      app.server.close();
    },
  };
  return app;
}

/** Runs named test functions in order, printing a line each; exits non-zero on any failure. */
export async function run(tests) {
  let failed = 0;
  // ONLY=<text> runs the tests whose names contain it (while working on one; CI runs them all).
  const only = process.env.ONLY;
  for (const [name, fn] of tests) {
    if (only && !name.includes(only)) continue;
    const start = Date.now();
    try {
      await fn();
      console.log(`ok   ${name} (${Date.now() - start} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e.stack || e}`);
    }
  }
  if (browser) await (await browser).close();
  if (failed) { console.log(`${failed} browser test(s) failed`); process.exit(1); }
}

/** One finger from `from` to `to` in small steps, as a hand would (Chrome DevTools Protocol touch
 * on `cdp`, a session of the app's page); returns once the app has drawn the result. */
export async function swipe(app, cdp, from, to, steps = 30) {
  const frames = await app.page.evaluate(() => window.rapport.frames);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= steps; i++) {
    const p = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
    await app.page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await app.page.waitForFunction((f) => window.rapport.frames > f + 2, frames, { timeout: 10000 });
  await app.quiet(500);
}

export function assert(cond, message) { if (!cond) throw new Error(message); }
