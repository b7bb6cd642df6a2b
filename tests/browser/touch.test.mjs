// Touch on a phone: a finger dragged up the library scrolls it one to one without opening the
// card it started on, and a tap on the card that scrolled into view opens it.
import { openApp, run, assert } from './harness.mjs';

/** Drags one finger from (x, y0) to (x, y1) in small steps, as a hand would. */
async function drag(app, cdp, x, y0, y1, steps = 12) {
  const frames = await app.page.evaluate(() => window.rapport.frames);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / steps }] });
    await app.page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await app.page.waitForFunction((f) => window.rapport.frames > f + 2, frames, { timeout: 10000 });
  await app.quiet(500);  // every queued step played
}

await run([
  ['a drag scrolls the library and opens nothing; a tap opens a card', async () => {
    const app = await openApp({ width: 390, height: 844, deviceScaleFactor: 2 });
    try {
      const cdp = await app.context.newCDPSession(app.page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      await app.load();
      await app.settle(300);
      const cards = (await app.hits()).filter((h) => h.label.startsWith('scenario:'));
      assert(cards.length >= 2, `cards on screen: ${cards.length}`);
      // Grab a card low enough that the finger stays on the screen for all 400 px.
      const first = cards.filter((h) => h.y + h.h / 2 >= 460 && h.y + h.h / 2 <= 800).pop();
      assert(first, `a card low on the screen: ${cards.map((c) => `${c.label}@${c.y}`).join(' ')}`);
      const start = { x: first.x + first.w / 2, y: first.y + first.h / 2 };

      await drag(app, cdp, start.x, start.y, start.y - 400, 50);  // 8 px per move
      const after = (await app.hits()).find((h) => h.label === first.label);
      const moved = after ? first.y - after.y : Infinity;
      console.log(`     a 400 px drag moved the library ${moved} px`);
      // One to one: the first 10 px decide it is a scroll, and the view catches up with them.
      assert(moved >= 397 && moved <= 403, `the library follows the finger (moved ${moved} px for 400)`);
      assert(!(await app.hits()).some((h) => h.label === 'prep:1'), 'the drag opened no scenario');
      await app.screenshot('touch-1-scrolled.png');

      // A card that was below the fold is now reachable with a tap.
      const visible = (await app.hits()).filter((h) => h.label.startsWith('scenario:') && h.y > 0 && h.y + h.h < 844);
      const target = visible[visible.length - 1];
      const shown = cards.filter((h) => h.y > 0 && h.y + h.h < 844);
      assert(target && !shown.some((c) => c.label === target.label), `a new card came into view: ${target && target.label}`);
      const frames = await app.page.evaluate(() => window.rapport.frames);
      const point = { x: target.x + target.w / 2, y: target.y + target.h / 2 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await app.page.waitForFunction((f) => window.rapport.frames > f + 1, frames, { timeout: 10000 });
      await app.find('prep:1');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],
]);
