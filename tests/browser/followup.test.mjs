// After the conversation: edit and copy the follow-up email (clipboard read back), write a
// journal entry, find both in the history after a reload, export and import progress, and
// survive a corrupted stored record with a notice and a backup of the old bytes.
import { openApp, run, assert } from './harness.mjs';

async function playBreakthrough(app) {
  await app.reveal('scenario:questioned-advice');
  await app.click('scenario:questioned-advice');
  for (let i = 0; i < 4; i++) { await app.click('prep:1'); await app.click('button:Continue'); }
  for (const c of [1, 1, 1, 2, 1, 1, 1, 1]) await app.click(`reply:${c}`);
  await app.click('button:Results');
  await app.find('outcome');
}

await run([
  ['follow-up email, clipboard, journal, history after reload, export and import', async () => {
    const app = await openApp({ seed: 0 });  // the author's path to the board-paper step
    try {
      await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url.replace(/\/$/, '') });
      await app.load();
      await playBreakthrough(app);
      const scoreBefore = Number((await app.find('score')).text);

      // Follow-up email: the draft is a real text field; the checklist follows the edits.
      await app.click('button:Follow-up');
      await app.page.waitForSelector('#field-followup', { state: 'visible' });
      const draft = await app.page.inputValue('#field-followup');
      assert(/Dana/.test(draft) && /Friday/.test(draft), `draft names the client and the dates:\n${draft}`);
      const full = (await app.find('followup:coverage')).text;
      assert(/100%/.test(full), `the generated draft covers everything: ${full}`);

      await app.page.fill('#field-followup', 'Hi Dana,\n\nThanks for today.\n\nBest,\nAlex');
      await app.page.waitForFunction(() => JSON.parse(window.rapport.hitsJson).some((h) => h.label === 'followup:coverage' && !/100%/.test(h.text)));
      const missing = await app.find('check:step:step_board_paper');
      assert(/^missing/.test(missing.text), `a bare email misses the board paper step: ${missing.text}`);

      const edited = `${draft}\nP.S. As I told you, we need this ASAP.`;
      await app.page.fill('#field-followup', edited);
      const flag = await app.find((h) => h.label.startsWith('flag:'));
      assert(/ASAP|told you/i.test(flag.text), `pressure wording is flagged: ${flag.text}`);
      await app.page.fill('#field-followup', `${draft}\nI look forward to hearing from you.`);
      await app.page.waitForFunction(() => JSON.parse(window.rapport.hitsJson).some((h) => h.label === 'followup:coverage' && /100%/.test(h.text)));
      await app.screenshot('followup-1-editor.png');

      await app.click('button:Copy email');
      const clip = await app.page.evaluate(() => navigator.clipboard.readText());
      assert(clip.includes('I look forward to hearing from you.'), `clipboard holds the edited draft:\n${clip}`);

      // Back to the results: the follow-up now counts in the score; write a journal entry.
      await app.click('button:Back to results');
      const scoreAfter = Number((await app.find('score')).text);
      assert(scoreAfter > scoreBefore, `a complete follow-up email raises the score: ${scoreBefore} -> ${scoreAfter}`);
      await app.reveal('field:journal');
      await app.page.waitForSelector('#field-journal', { state: 'visible' });
      await app.page.fill('#field-journal', 'Reflecting her history first changed everything. Next time: ask before offering the pilot.');
      await app.reveal('button:Save journal');
      await app.click('button:Save journal');
      await app.screenshot('followup-2-journal.png');

      // Reload: the history shows the session with its journal and the new score.
      await app.load();
      await app.click('button:Progress');
      const entry = await app.reveal('history:1');
      assert(entry.text.includes('Journal: Reflecting her history first'), `journal in the history: ${entry.text}`);
      assert(entry.text.includes(`score ${scoreAfter}`), `score in the history: ${entry.text}`);
      await app.reveal('suggest:next', { step: -300 });
      await app.screenshot('followup-3-progress.png');

      // The history row opens that session: outcome, score, transcript and the client's last words.
      await app.reveal('history:1');
      await app.click('history:1');
      const outcome = await app.find('history:outcome');
      assert(outcome.text === 'Dana owns the plan', `the history row opens its results: ${outcome.text}`);
      assert((await app.find('history:score')).text === String(scoreAfter), 'with its score');
      const firstReply = await app.find('history:reply:1');
      assert(firstReply.text.length > 20, `and its transcript: ${firstReply.text}`);
      const last = await app.reveal('history:last');
      assert(/Friday|board/i.test(last.text), `and the client's last words: ${last.text}`);
      await app.screenshot('followup-3b-history-entry.png');
      await app.reveal('button:Back to progress', { step: -300 });
      await app.click('button:Back to progress');
      await app.find('history:1');

      // Export, then import the same file plus one foreign session: merged without duplicates.
      await app.reveal('button:Export');
      const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('button:Export')]);
      const exported = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
      assert(exported.sessions.length === 1, 'export holds the session');
      exported.sessions.push({ ...exported.sessions[0], id: 'imported-from-laptop', score: 42, journal: '' });
      await app.page.setInputFiles('#progress-file', { name: 'laptop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
      await app.find('history:2');
      assert(!(await app.hits()).some((h) => h.label === 'history:3'), 'the shared session is not duplicated');
      const notice = await app.reveal('notice:1', { step: -300 });
      assert(/Imported 1 new session from laptop\.json/.test(notice.text), `import merges without duplicates: ${notice.text}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['a corrupted stored record: the app starts, says so, and keeps the old bytes', async () => {
    const app = await openApp({ seed: 0 });  // the breakthrough path is the author's
    try {
      await app.load();
      await playBreakthrough(app);
      const broken = '{"format_version":2,"sessions":[{"id":"x","scenario":';
      await app.page.evaluate((b) => localStorage.setItem('rapport.progress', b), broken);
      await app.load();
      const notice = await app.find((h) => h.label.startsWith('notice:'));
      assert(/could not be read/.test(notice.text) && notice.text.includes('rapport.progress.backup'), `notice: ${notice.text}`);
      const backup = await app.page.evaluate(() => localStorage.getItem('rapport.progress.backup'));
      assert(backup === broken, 'the backup holds the old bytes exactly');
      await app.find('scenario:price-objection');
      await app.screenshot('followup-4-corrupt-notice.png');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],
]);
