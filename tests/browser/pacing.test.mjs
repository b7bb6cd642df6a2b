// Pacing in the real page: the client "types" before each line (dots, then the line), a tap on
// "Show now" skips it, and learners who ask their system for reduced motion, or a kiosk with
// ?pace=off, get the line at once.
import { openApp, run, assert } from './harness.mjs';

async function firstReply(app) {
  await app.reveal('scenario:questioned-advice');
  await app.click('scenario:questioned-advice');
  for (let i = 0; i < 4; i++) { await app.click('prep:1'); await app.click('button:Continue'); }
  await app.find('client:last');
  await app.click('reply:1');
}

await run([
  ['the client types before each line; Show now skips the pause', async () => {
    const app = await openApp({ seed: 0, reducedMotion: 'no-preference' });
    try {
      await app.load();
      await firstReply(app);
      const typing = await app.find('client:typing');
      assert(/Dana Okafor is typing/.test(typing.text), `typing shown: ${typing.text}`);
      assert(!(await app.hits()).some((h) => h.label === 'reply:1'), 'no replies while the client types');
      await app.screenshot('pacing-typing.png');
      const line = await app.find('client:last', 5000);
      assert(line.text.length > 20, `the line follows the pause: ${line.text}`);
      await app.click('reply:1');
      await app.find('client:typing');
      await app.click('button:Show now');
      await app.find('client:last');
      assert(!(await app.hits()).some((h) => h.label === 'client:typing'), 'Show now shows the line at once');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['reduced motion and ?pace=off: no pause', async () => {
    for (const [reducedMotion, path] of [['reduce', ''], ['no-preference', '?pace=off']]) {
      const app = await openApp({ seed: 0, reducedMotion });
      try {
        await app.load(path);
        await firstReply(app);
        const seen = [];
        for (let k = 0; k < 5; k++) { seen.push(...(await app.hits()).map((h) => h.label)); await app.page.waitForTimeout(40); }
        assert(!seen.includes('client:typing'), `no typing pause (${reducedMotion} ${path})`);
        await app.find('client:last');
        assert(app.problems.length === 0, app.problems.join('\n'));
      } finally { await app.close(); }
    }
  }],
]);
