// Stored data that is well-formed but wrong-typed, and errors that escape: the app starts, tells
// the learner, keeps the original bytes aside, and never aborts (issue 15, bug 4 and "nothing
// throws across a frame").
import { openApp, run, assert } from './harness.mjs';

const KEY = 'rapport.progress';
const BACKUP = 'rapport.progress.backup';
// One finished session, then a `settings` that is a string and an `unfinished` that is a number:
// the home screen read both with .value() and threw on every frame.
const WRONG_TYPED = JSON.stringify({
  format_version: 2,
  sessions: [{ id: 's1', scenario: 'budget-cut', finished: '2026-11-01T10:00:00.000Z', mode: 'choice', outcome: 'partial',
    ending_title: 'Partly agreed', score: 64, rq_ratio: 1, percent_complex: 20, codes: {}, journal: '', followup_coverage: 0 }],
  unfinished: 42,
  settings: 'dark please',
});

/** Opens the app once (for its origin), stores `value` under the progress key, and reloads. */
async function loadWith(app, value) {
  await app.load();
  await app.page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, value]);
  await app.load();
}

await run([
  ['wrong-typed settings and unfinished: the app starts, says so, keeps the bytes', async () => {
    const app = await openApp();
    try {
      await loadWith(app, WRONG_TYPED);
      const notice = await app.find('notice:1');
      assert(/settings could not be used/.test(notice.text) && /unfinished session could not be used/.test(notice.text),
        `the notice names both fields: ${notice.text}`);
      assert(/kept aside under 'rapport\.progress\.backup'/.test(notice.text), `the notice says where: ${notice.text}`);
      const progress = await app.find('progress');
      assert(/^1 session completed/.test(progress.text), `the history survived: ${progress.text}`);
      const backup = await app.page.evaluate((k) => localStorage.getItem(k), BACKUP);
      assert(backup === WRONG_TYPED, `the backup holds the original bytes exactly: ${backup}`);
      // The app keeps working: a scenario opens.
      await app.click('scenario:questioned-advice');
      await app.find('prep:1');
      assert(!(await app.hits()).some((h) => h.label.startsWith('recovery:')), 'no recovery screen');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['an error thrown half-way through a frame shows the recovery screen, and it keeps drawing', async () => {
    const app = await openApp();
    try {
      await app.load();
      await app.find('progress');
      // The frame throws with a window, a child window, a colour, a style variable, an ID and a group
      // open (web/main.cpp): they are closed, the frame ends and the recovery screen is drawn.
      await app.page.evaluate(() => window.Module.ccall('rapport_simulate_frame_error', null, ['string'], ['half a frame']));
      assert((await app.find('recovery:error')).text === 'half a frame', 'the error is shown');
      const logged = app.problems.filter((p) => /half a frame/.test(p));
      assert(logged.length === 1 && app.problems.length === 1,
        `the error is in the console once, and nothing was left pushed: ${app.problems.join('\n')}`);
      app.problems.length = 0;
      // Later frames draw the recovery screen whole: a window resize redraws it, nothing is thrown.
      const frames = await app.page.evaluate(() => window.rapport.frames);
      await app.page.setViewportSize({ width: 1000, height: 700 });
      await app.page.waitForFunction((f) => window.rapport.frames > f + 1, frames, { timeout: 10000 });
      const title = await app.find('recovery:title');
      assert(title.text === 'Something went wrong', title.text);
      assert((await app.hits()).some((h) => h.label === 'recovery:export'), 'the export button is drawn');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],

  ['an error escaping an entry point shows the recovery screen; export and start fresh keep the data', async () => {
    const app = await openApp();
    try {
      await loadWith(app, WRONG_TYPED.replace('"dark please"', '{}').replace(':42', ':null'));
      const stored = await app.page.evaluate((k) => localStorage.getItem(k), KEY);
      await app.find('progress');
      await app.page.evaluate(() => window.Module.ccall('rapport_simulate_error', null, ['string'], ['simulated failure']));
      const title = await app.find('recovery:title');
      assert(title.text === 'Something went wrong', title.text);
      assert((await app.find('recovery:error')).text === 'simulated failure', 'the error is shown');
      const logged = app.problems.filter((p) => /console error: Rapport: rapport_simulate_error failed: simulated failure/.test(p));
      assert(logged.length === 1, `the error is in the console once: ${app.problems.join('\n')}`);
      app.problems.length = 0;

      const download = app.page.waitForEvent('download');
      await app.click('recovery:export');
      const file = await download;
      const chunks = [];
      for await (const c of await file.createReadStream()) chunks.push(c);
      assert(Buffer.concat(chunks).toString('utf8') === stored, 'the export is the stored record, byte for byte');

      await app.page.evaluate((k) => localStorage.removeItem(k), BACKUP);
      // The page reloads at once, so click without waiting for the next frame.
      const fresh = await app.find('recovery:fresh');
      const reloaded = app.page.waitForEvent('load');
      await app.page.mouse.click(fresh.x + fresh.w / 2, fresh.y + fresh.h / 2);
      await reloaded;
      await app.page.waitForFunction(() => window.rapport && window.rapport.ready, null, { timeout: 60000 });
      const after = await app.page.evaluate(([k, b]) => [localStorage.getItem(k), localStorage.getItem(b)], [KEY, BACKUP]);
      assert(after[0] === null, 'the record was removed');
      assert(after[1] === stored, 'after being kept aside first');
      const progress = await app.find('progress');
      assert(/Pick a client to begin/.test(progress.text), `a fresh start: ${progress.text}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],
  ['a stored session with a reflection and no question reads "1 reflection" in the progress trend, as its results did', async () => {
    const app = await openApp();
    try {
      const record = JSON.parse(WRONG_TYPED);
      record.settings = {};
      record.unfinished = null;
      record.sessions.push({ ...record.sessions[0], id: 's2', rq_ratio: 1, codes: { complex_reflection: 1, giving_information: 3 } });
      await loadWith(app, JSON.stringify(record));
      await app.click('button:Progress');
      const trend = await app.find('trend:rq');
      // The older record has no counts and keeps its stored ratio; the newer one is counted.
      assert(trend.text === 'Reflections per question: 1.0 : 1, 1 reflection', trend.text);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],
]);
