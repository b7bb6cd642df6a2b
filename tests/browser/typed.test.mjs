// Free-text replies in Chromium: a question, a reflection and unsolicited advice are typed on the
// real keyboard, coded in the browser, coached, and each moves the client differently; the
// debrief then shows the scores and the trust chart.
import { openApp, run, assert } from './harness.mjs';
import { nativePlay } from './oracle.mjs';

const QUESTION = 'What is it about the depot plan that worries you most?';
const REFLECTION = "So you're worried Leeds can't take on Wakefield's volume when it already misses its dispatch window.";
const ADVICE = 'The extra shifts will sort Leeds out. You should just trust our track record.';
// The same session in the native core: the three typed replies, then the first offered reply.
const expected = nativePlay('questioned-advice', [{ typed: QUESTION }, { typed: REFLECTION }, { typed: ADVICE }, 1],
  { untilEnd: true });

async function trust(app) { return Number((await app.find('meter:trust')).text); }

async function typeReply(app, text) {
  await app.click('input:reply');
  await app.page.keyboard.type(text, { delay: 5 });
  const before = (await app.find('client:last')).text;
  await app.page.keyboard.press('Enter');
  await app.page.waitForFunction((b) => {
    const hits = JSON.parse(window.rapport.hitsJson || '[]');
    const last = hits.find((h) => h.label === 'client:last');
    return last && last.text !== b;
  }, before, { timeout: 10000 });
  await app.settle(600);
  // The chip on the learner's bubble names the code; the coach's note gives the cue and a tip.
  return `${(await app.find('code:last')).text} | ${(await app.find('coach:last')).text}`;
}

await run([
  ['typed replies are coded, coached and change the client', async () => {
    const app = await openApp();
    try {
      await app.load();
      await app.click('scenario:questioned-advice');
      for (let step = 0; step < 4; step++) { await app.click('prep:1'); await app.click('button:Continue'); }
      await app.click('mode:text');
      await app.settle();
      const t0 = await trust(app);

      const q = await typeReply(app, QUESTION);
      await app.screenshot('typed-1-question.png');
      assert(/open question/.test(q), `question coded as open question, coach said: ${q}`);
      const t1 = await trust(app);
      const line1 = (await app.find('client:last')).text;

      const r = await typeReply(app, REFLECTION);
      assert(/reflection/.test(r), `reflection coded as a reflection, coach said: ${r}`);
      const t2 = await trust(app);
      const line2 = (await app.find('client:last')).text;

      const a = await typeReply(app, ADVICE);
      assert(/advice without permission/.test(a), `advice coded as persuade, coach said: ${a}`);
      const t3 = await trust(app);
      await app.screenshot('typed-2-advice.png');

      assert(t1 > t0 && t2 > t1, `question and reflection raise trust: ${t0} -> ${t1} -> ${t2}`);
      assert(t3 < t2, `unsolicited advice lowers trust: ${t2} -> ${t3}`);
      assert(line1 !== line2, 'the client says something new after each reply');

      // Finish with choices and read the debrief.
      await app.click('mode:choice');
      for (let i = 3; i < expected.replies; i++) await app.click('reply:1');
      await app.click('button:Results');
      const outcome = await app.find('outcome');
      assert(outcome.text === expected.ending, `ending "${outcome.text}" vs the native core's "${expected.ending}"`);
      const score = Number((await app.find('score')).text);
      assert(score === expected.score, `score ${score} vs the native core's ${expected.score} for the same replies`);
      const chart = await app.reveal('chart:trust');
      assert(/Trust: \d+/.test(chart.text), `trust chart has values: ${chart.text}`);
      await app.settle();
      await app.screenshot('typed-3-debrief.png');
      const stored = await app.page.evaluate(() => JSON.parse(localStorage.getItem('rapport.progress')));
      assert(stored.sessions[0].mode === 'text', 'session stored as a typed session');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],
]);
