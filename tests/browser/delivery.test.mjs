// Delivery where learners are: keyboard-only play, a walk-up kiosk that forgets its visitor,
// deep links and embedding with postMessage, every screen size, the live region, and no frames
// drawn while idle.
import { openApp, run, assert } from './harness.mjs';

async function key(app, k) {
  const frames = await app.page.evaluate(() => window.rapport.frames);
  await app.page.keyboard.press(k);
  await app.page.waitForFunction((f) => window.rapport.frames > f + 1, frames, { timeout: 10000 });
  await app.page.waitForTimeout(60);
}

async function tap(app, cdp, label) {
  // Wait until the widget stops moving (layout settles over a frame or two after a change).
  let hit = await app.find(label);
  for (let i = 0; i < 20; i++) {
    await app.page.waitForTimeout(50);
    const again = await app.find(label);
    if (again.x === hit.x && again.y === hit.y) break;
    hit = again;
  }
  const point = { x: hit.x + hit.w / 2, y: hit.y + hit.h / 2 };
  const frames = await app.page.evaluate(() => window.rapport.frames);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await app.page.waitForFunction((f) => window.rapport.frames > f + 1, frames, { timeout: 10000 });
  await app.page.waitForTimeout(60);
}

await run([
  ['keyboard only: Tab, Enter, letters, numbers and Escape play a whole scenario', async () => {
    const app = await openApp();
    try {
      await app.load();
      await app.settle(300);
      for (const item of ['Progress', 'Reference', 'Settings', 'the first scenario card']) await key(app, 'Tab');
      await app.screenshot('keyboard-1-focus.png');
      await key(app, 'Enter');
      await app.find('prep:1');
      for (let step = 0; step < 4; step++) {
        await key(app, '1');
        await key(app, 'Enter');
      }
      await app.find('client:last');
      await app.screenshot('keyboard-2-first-reply.png');  // the focus ring on the first reply
      for (let turn = 0; turn < 20; turn++) {
        if ((await app.hits()).some((h) => h.label === 'button:Results')) break;
        await key(app, '1');
        await app.page.waitForTimeout(250);
      }
      await app.find('client:final');  // the client has the last word before the results
      await key(app, 'Enter');  // see how it went
      const outcome = await app.find('outcome');
      assert(outcome.text.length > 0, 'reached an ending by keyboard');
      await key(app, 'Escape');
      const progress = await app.find('progress');
      assert(progress.text.includes('1 session completed'), `back in the library with progress: ${progress.text}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['kiosk: attract screen, touch play, idle timeout forgets the visitor, nothing stored', async () => {
    const app = await openApp({ width: 1920, height: 1080 });
    try {
      const cdp = await app.context.newCDPSession(app.page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      await app.load('?kiosk=1&idle=4');
      await app.find('button:Start');
      await app.screenshot('kiosk-1-attract.png');
      await tap(app, cdp, 'button:Start');
      assert(!(await app.hits()).some((h) => h.label === 'button:Settings'), 'no settings for walk-up visitors');
      await tap(app, cdp, 'scenario:questioned-advice');
      await tap(app, cdp, 'prep:1');
      const card = await app.find('prep:1');
      assert(card.h >= 48, `touch targets at least 48 px high, got ${card.h}`);
      await tap(app, cdp, 'button:Continue');
      for (let i = 0; i < 3; i++) { await tap(app, cdp, 'prep:1'); await tap(app, cdp, 'button:Continue'); }
      await tap(app, cdp, 'reply:1');
      assert(!(await app.hits()).some((h) => h.label === 'mode:text'), 'kiosk offers no typed replies without a keyboard');
      await app.settle(300);
      await app.screenshot('kiosk-2-conversation.png');
      assert(await app.page.evaluate(() => localStorage.length) === 0, 'kiosk writes nothing to local storage');
      // Before the idle timeout a warning counts down over the screen; a tap on it keeps the
      // visitor where they were and chooses no reply.
      const warning = await app.find('kiosk:still-there', 6000);
      assert(/^Still there\? In \d seconds? this conversation ends/.test(warning.text), `warning: ${warning.text}`);
      assert(!(await app.hits()).some((h) => h.label === 'reply:1'), 'the replies are covered by the warning');
      await tap(app, cdp, 'kiosk:still-there');
      await app.find('reply:1', 3000);
      assert(!(await app.hits()).some((h) => h.label === 'learner:2'), 'the tap chose no reply');
      // Leave it alone: after the idle timeout the attract screen is back.
      await app.page.waitForTimeout(4500);
      await app.find('button:Start', 3000);
      assert(await app.page.evaluate(() => localStorage.length) === 0, 'storage still empty after the reset');
      await tap(app, cdp, 'button:Start');
      assert(!(await app.hits()).some((h) => h.label === 'button:Continue'), 'the next visitor sees no trace of the last one');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['deep link and embedding: no library, settings from the URL, postMessage to the configured origin', async () => {
    const direct = await openApp({ width: 800, height: 600 });
    try {
      await direct.load('?scenario=budget-cut&embed=1&mode=text&coach=0');
      await direct.find('prep:1');
      assert(!(await direct.hits()).some((h) => h.label === 'button:Library'), 'embedded: no way back to a library');
      for (let i = 0; i < 4; i++) { await direct.click('prep:1'); await direct.click('button:Continue'); }
      await direct.find('input:reply');
      const before = (await direct.find('client:last')).text;
      await direct.click('input:reply');
      const typed = 'What matters most to you now that the budget has changed?';
      await direct.page.keyboard.type(typed);
      await direct.page.keyboard.press('Enter');
      // client:last is on screen before the reply too: wait for the client to answer it.
      await direct.page.waitForFunction((b) => {
        const last = JSON.parse(window.rapport.hitsJson).find((h) => h.label === 'client:last');
        return last && last.text !== b;
      }, before, { timeout: 10000 });
      await direct.settle(500);
      const saved = await direct.page.evaluate(() => JSON.parse(localStorage.getItem('rapport.progress')).unfinished);
      const turns = saved.replay.turns;  // the session's inputs (core/suspend.h's replay form)
      assert(turns.length === 1 && turns[0].typed === typed, `the typed reply was played: ${JSON.stringify(turns)}`);
      assert(!(await direct.hits()).some((h) => h.label === 'coach:last'), 'coach=0 hides coaching (assessment mode)');
      await direct.screenshot('embed-1-800x600.png');
      assert(direct.problems.length === 0, direct.problems.join('\n'));
    } finally { await direct.close(); }

    const host = await openApp({ width: 1000, height: 900, frame: '#rapport' });
    try {
      await host.load('embed-example.html');
      await host.page.waitForFunction(() => window.rapportMessages.some((m) => m.type === 'rapport:ready'));
      // The path below is the author's: reload the embedded app in the authored order.
      const ready = await host.page.evaluate(() => window.rapportMessages.filter((m) => m.type === 'rapport:ready').length);
      await host.page.evaluate(() => { const f = document.querySelector('#rapport'); f.src += (f.src.includes('?') ? '&' : '?') + 'order=authored'; });
      await host.page.waitForFunction((n) => window.rapportMessages.filter((m) => m.type === 'rapport:ready').length > n, ready);
      for (let i = 0; i < 4; i++) { await host.click('prep:1'); await host.click('button:Continue'); }
      for (const c of [1, 1, 1, 2, 1, 1, 1, 1]) await host.click(`reply:${c}`);
      await host.click('button:Results');
      await host.find('outcome');
      await host.page.waitForFunction(() => window.rapportMessages.some((m) => m.type === 'rapport:complete'));
      const done = await host.page.evaluate(() => window.rapportMessages.find((m) => m.type === 'rapport:complete'));
      assert(done.outcome === 'breakthrough' && done.score >= 70, `complete message: ${JSON.stringify(done)}`);
      await host.screenshot('embed-2-host-page.png');
      assert(host.problems.length === 0, host.problems.join('\n'));
    } finally { await host.close(); }
  }],

  ['phones: typed replies use a real text field (on-screen keyboard); settings are kept', async () => {
    const app = await openApp({ width: 390, height: 844, deviceScaleFactor: 3 });
    try {
      const cdp = await app.context.newCDPSession(app.page);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      await app.load();
      assert(await app.page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'the page sees a touch screen');
      // Settings: dark theme and larger text, kept across a reload.
      await tap(app, cdp, 'button:Settings');
      await tap(app, cdp, 'theme:dark');
      await tap(app, cdp, 'text:1.2');
      await tap(app, cdp, 'button:Done');
      await app.settle(300);
      await app.screenshot('phone-1-dark-larger.png');
      await app.load();
      const settings = await app.page.evaluate(() => JSON.parse(localStorage.getItem('rapport.progress')).settings);
      assert(settings.theme === 'dark' && Math.abs(settings.text_scale - 1.2) < 0.01, `settings kept: ${JSON.stringify(settings)}`);

      await app.reveal('scenario:questioned-advice', { x: 195, y: 500 });
      await tap(app, cdp, 'scenario:questioned-advice');
      for (let i = 0; i < 4; i++) { await tap(app, cdp, 'prep:1'); await tap(app, cdp, 'button:Continue'); }
      await tap(app, cdp, 'mode:text');
      const field = await app.page.waitForSelector('#field-reply', { state: 'visible' });
      const hint = await field.getAttribute('placeholder');
      assert(/tap Send/.test(hint) && !/Enter/.test(hint), `a phone has no Enter key to press: "${hint}"`);
      await field.tap();
      assert(await app.page.evaluate(() => document.activeElement && document.activeElement.id === 'field-reply'),
             'tapping focuses a real textarea, so the on-screen keyboard appears');
      await app.page.keyboard.type('What would help you feel confident about this plan?');
      await app.page.keyboard.press('Enter');
      const code = await app.find('code:last');
      assert(/open question/.test(code.text), `typed on a phone and coded: ${code.text}`);
      assert(await app.page.inputValue('#field-reply') === '', 'the field is cleared after sending');
      await app.screenshot('phone-2-typed-reply.png');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['every size from a phone to a kiosk; live region; no frames while idle', async () => {
    for (const [w, h, dpr, name] of [[390, 844, 3, 'phone-390x844'], [800, 600, 1, 'iframe-800x600'], [1920, 1080, 1, 'kiosk-1920x1080']]) {
      const app = await openApp({ width: w, height: h, deviceScaleFactor: dpr });
      try {
        await app.load();
        await app.settle(300);
        for (const hit of await app.hits()) assert(hit.x >= 0 && hit.x + hit.w <= w + 1, `${hit.label} fits ${w} px`);
        await app.screenshot(`size-${name}-home.png`);
        await app.reveal('scenario:questioned-advice', { x: w / 2, y: h / 2 });
        await app.click('scenario:questioned-advice');
        for (let i = 0; i < 4; i++) { await app.click('prep:1'); await app.click('button:Continue'); }
        await app.click('reply:1');
        await app.settle(400);
        for (const hit of await app.hits()) assert(hit.x >= 0 && hit.x + hit.w <= w + 1, `${hit.label} fits ${w} px`);
        await app.screenshot(`size-${name}-conversation.png`);

        const client = (await app.find('client:last')).text;
        const live = await app.page.evaluate(() => document.getElementById('live').textContent);
        assert(live.includes(client), `live region holds the client's last line: "${live}"`);
        const label = await app.page.evaluate(() => document.getElementById('canvas').getAttribute('aria-label'));
        assert(label && label.length > 10, 'the canvas has a label');

        // Once the last animation is over (slower on a busy machine), nothing may be drawn.
        await app.page.mouse.move(0, 0);
        await app.quiet(1000);
        const before = await app.page.evaluate(() => window.rapport.frames);
        await app.page.waitForTimeout(5000);
        const after = await app.page.evaluate(() => window.rapport.frames);
        assert(after === before, `an idle page draws no frames (drew ${after - before} in 5 s)`);
        assert(app.problems.length === 0, app.problems.join('\n'));
      } finally { await app.close(); }
    }
  }],
]);
