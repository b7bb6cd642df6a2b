// The canvas is drawn only when a frame's image differs from what it shows (web/main.cpp
// present(), ui/draw_signature): a pointer moving over nothing draws frames but leaves the canvas
// alone; a hover is drawn, and so is its end, so that the screen always shows the last frame.
import { openApp, run, assert } from './harness.mjs';

const counts = (app) => app.page.evaluate(() => ({ frames: window.rapport.frames, presented: window.rapport.presented }));

/** Moves the pointer, then waits until the app has drawn its frames and gone idle. */
async function pointTo(app, x, y) {
  const before = await counts(app);
  await app.page.mouse.move(x, y);
  await app.page.waitForFunction((f) => window.rapport.frames > f + 2, before.frames, { timeout: 10000 });
  await app.quiet(400);
  const after = await counts(app);
  return { drawn: after.frames - before.frames, presented: after.presented - before.presented };
}

await run([
  ['frames that change nothing leave the canvas alone; every change reaches it', async () => {
    const app = await openApp({ width: 800, height: 600 });
    try {
      await app.load();
      await app.find('button:Settings');
      await pointTo(app, 1, 1);
      const settled = await app.page.screenshot();

      const nothing = await pointTo(app, 3, 4);
      assert(nothing.drawn >= 3, `the app drew its frames for the move (${nothing.drawn})`);
      assert(nothing.presented === 0, `a move over nothing left the canvas alone (presented ${nothing.presented} of ${nothing.drawn})`);

      const settings = await app.find('button:Settings');
      const hover = await pointTo(app, settings.x + settings.w / 2, settings.y + settings.h / 2);
      assert(hover.presented >= 1 && hover.presented < hover.drawn,
        `a hover reaches the canvas once it changes, not every frame (presented ${hover.presented} of ${hover.drawn})`);
      const hovered = await app.page.screenshot();
      assert(!hovered.equals(settled), 'the hovered button is on the screen');

      const away = await pointTo(app, 1, 1);
      assert(away.presented >= 1, `the hover's end reaches the canvas (presented ${away.presented})`);
      const again = await app.page.screenshot();
      assert(again.equals(settled), 'the screen is back to the settled image, pixel for pixel');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],
  ['what settles after a click stays put: a pointer move later moves nothing (largest text, late-again preparation)', async () => {
    // A reviewer clicked the first option of preparation step 4 and got the third: the list was
    // drawn, then scrolled 57 px on the next pointer move, under the pointer.
    const app = await openApp({ width: 1280, height: 800 });
    try {
      await app.load();
      await app.reveal('button:Settings');
      await app.click('button:Settings');
      await app.click('text:1.4');
      await app.reveal('button:Done', { step: -300 }).catch(() => app.reveal('button:Done'));
      await app.click('button:Done');
      await app.reveal('scenario:late-again');
      await app.click('scenario:late-again');
      for (let step = 1; step <= 4; step++) {
        await app.find((h) => h.label === 'prep:1' && h.h > 0);
        await app.quiet(400);
        const drawn = (await app.hits()).filter((h) => h.label.startsWith('prep:')).map((h) => `${h.label}@${Math.round(h.y)}`);
        await pointTo(app, 3, 4);  // over nothing
        const after = (await app.hits()).filter((h) => h.label.startsWith('prep:')).map((h) => `${h.label}@${Math.round(h.y)}`);
        assert(JSON.stringify(drawn) === JSON.stringify(after), `step ${step}: the options moved after the screen settled: ${drawn} -> ${after}`);
        if (step === 4) break;
        await app.click('prep:3');
        await app.reveal('button:Continue');
        await app.click('button:Continue');
      }
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],
]);

