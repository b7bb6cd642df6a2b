// Choices in a fresh order every session (the app's own seed, not the tests' fixed one): two new
// sessions of a scenario show their replies in different orders, a reload mid-session shows the
// same order again, and a preparation choice's "why this matters" appears only once confirmed.
import { openApp, run, assert } from './harness.mjs';

async function shown(app, prefix) {
  const hits = await app.hits();
  return hits.filter((h) => h.label.startsWith(prefix) && /^\w+:\d+$/.test(h.label))
    .sort((a, b) => Number(a.label.split(':')[1]) - Number(b.label.split(':')[1])).map((h) => h.text);
}

/** Starts questioned-advice, reads the first preparation step's order, prepares, and returns
 *  { prep, replies } as shown. */
async function newSession(app) {
  await app.click('scenario:questioned-advice');
  await app.find('prep:1');
  const prep = await shown(app, 'prep:');
  await app.click('prep:1');
  assert(!(await app.hits()).some((h) => h.label === 'feedback:prep'), 'no feedback before the choice is confirmed');
  await app.click('button:Continue');
  const feedback = await app.find('feedback:prep');
  assert(feedback.text.length > 10, `the confirmed choice's feedback is shown: ${feedback.text}`);
  for (let step = 1; step < 4; step++) { await app.click('prep:1'); await app.click('button:Continue'); }
  await app.find('reply:1');
  return { prep, replies: await shown(app, 'reply:') };
}

await run([
  ['new sessions shuffle; a reload mid-session keeps the order', async () => {
    const app = await openApp({ seed: null });
    try {
      await app.load();
      const first = await newSession(app);
      assert(first.replies.length >= 3, `replies offered: ${JSON.stringify(first.replies)}`);
      await app.settle();
      await app.screenshot('shuffle-1-first-session.png');
      // Up to three more sessions: the chance that all repeat the first order is below 1 in 3,000.
      let differs = false;
      for (let k = 0; k < 3 && !differs; k++) {
        await app.click('button:Library');
        const next = await newSession(app);
        assert([...next.replies].sort().join('|') === [...first.replies].sort().join('|'), 'the same replies are offered');
        differs = next.replies.join('|') !== first.replies.join('|') || next.prep.join('|') !== first.prep.join('|');
      }
      assert(differs, `four new sessions all showed one order: ${JSON.stringify(first)}`);

      await app.click('reply:1');
      await app.settle(600);
      const before = await shown(app, 'reply:');
      await app.load();
      await app.click('button:Continue');  // the home screen offers the unfinished session
      await app.find('reply:1');
      const after = await shown(app, 'reply:');
      assert(after.join('|') === before.join('|'), `same order after a reload:\n${before.join('\n')}\nvs\n${after.join('\n')}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],
]);
