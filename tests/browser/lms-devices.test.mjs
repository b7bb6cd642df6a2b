// Issue 15, acceptance: local storage blocked inside the LMS frame, three sessions played across
// two browser profiles (two devices) that share the LMS's stored data, a reset and a relaunch:
// the history holds exactly the sessions played, in both, and after the reset none.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, run, assert } from './harness.mjs';
import { lmsFolder, inApp } from './lms-host.mjs';

const KEPT = 'host.lms.2004';  // what the test LMS keeps between launches (lms-host.mjs)

/** A device: its own Chromium profile, the LMS page on top, the app's storage blocked in the frame. */
async function device(dir) {
  const app = await openApp({ root: dir, frame: '#app' });
  await app.context.addInitScript(() => {
    if (window === window.top) return;
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  });
  return app;
}

/** Launches the app on `app`'s device with the LMS data `kept` (null: whatever the device has). */
async function launch(app, kept) {
  if (kept !== undefined) {
    await app.page.goto(app.url + 'blank.html');  // the LMS's origin, without launching anything
    await app.page.evaluate(([k, v]) => { if (v === null) localStorage.removeItem(k); else localStorage.setItem(k, v); }, [KEPT, kept]);
  }
  await app.load('host.html?v=2004');
}

async function kept(app) { return app.page.evaluate((k) => localStorage.getItem(k), KEPT); }

async function playRupture(app) {
  await app.click('scenario:questioned-advice');
  for (let step = 0; step < 4; step++) {
    await app.click('prep:1');
    await app.click('button:Continue');
  }
  for (const reply of [3, 3]) await app.click(`reply:${reply}`);
  await app.click('button:Results');
  await app.find('score');
  const back = (await app.hits()).some((x) => x.label === 'button:Library') ? 'button:Library' : 'button:Back to library';
  if (back === 'button:Back to library') await app.reveal(back);
  await app.click(back);
}

/** The history: the home screen's count, and the Progress screen's rows (each scrolled to). */
async function history(app) {
  const header = (await app.find('progress')).text;
  const count = Number((/^(\d+) sessions? completed/.exec(header) || [0, 0])[1]);
  await app.click('button:Progress');
  const rows = [];
  for (let k = 1; k <= count; k++) rows.push((await app.reveal(`history:${k}`)).text);
  const extra = (await app.hits()).filter((h) => h.label === `history:${count + 1}`);
  assert(extra.length === 0, `a history row past the ${count} counted: ${extra.map((h) => h.text)}`);
  await app.page.keyboard.press('Escape');  // back to the library (the button has scrolled away)
  await app.find('progress');
  return rows;
}

await run([
  ['two devices, storage blocked in the frame: history is exactly what was played, and a reset clears both', async () => {
    const dir = lmsFolder();
    writeFileSync(join(dir, 'blank.html'), '<!doctype html><title>LMS</title><link rel="icon" href="data:,">');
    const a = await device(dir);
    const b = await device(dir);
    try {
      await launch(a, null);
      const blocked = await (await a.appFrame()).evaluate(() => { try { localStorage.length; return false; } catch { return true; } });
      assert(blocked, 'local storage is blocked in the frame');
      await playRupture(a);
      await a.load('host.html?v=2004');  // relaunch on A: pagehide terminated and committed
      const afterA = await kept(a);

      await launch(b, afterA);
      const first = await history(b);
      assert(first.length === 1, `B sees the session played on A: ${JSON.stringify(first)}; LMS data ${afterA}; ` +
        `B's hits ${(await b.hits()).map((h) => h.label).join(', ')}`);
      await playRupture(b);
      await playRupture(b);
      const rowsB = await history(b);
      assert(rowsB.length === 3, `B: three sessions, no duplicates: ${rowsB.join(' | ')}`);
      await b.load('host.html?v=2004');
      const afterB = await kept(b);

      await launch(a, afterB);
      const rowsA = await history(a);
      assert(rowsA.length === 3, `A: the same three sessions: ${rowsA.join(' | ')}`);
      assert(JSON.stringify(rowsA) === JSON.stringify(rowsB), `both devices list the same history:\n${rowsA.join('\n')}\nvs\n${rowsB.join('\n')}`);

      // Reset on A, relaunch A, then B with A's LMS data: none anywhere.
      await a.click('button:Progress');
      await a.reveal('button:Reset');
      await a.click('button:Reset');
      await a.click('button:Confirm reset');
      await a.load('host.html?v=2004');
      assert((await history(a)).length === 0, 'A after the reset and a relaunch: no history');
      await launch(b, await kept(a));
      assert((await history(b)).length === 0, 'B after the reset: no history');
      assert(a.problems.length === 0, a.problems.join('\n'));
      assert(b.problems.length === 0, b.problems.join('\n'));
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }],
]);
