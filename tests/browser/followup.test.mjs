// After the conversation: write the follow-up email from its skeleton (the checklist starts at 0%
// and rises as the learner types), show the example, sign with the name from Settings, copy the
// email (clipboard read back), write a journal entry, find both in the history after a reload,
// export and import progress, and survive a corrupted stored record with a notice and a backup of
// the old bytes.
import { openApp, run, assert, swipe } from './harness.mjs';

async function playBreakthrough(app) {
  await app.reveal('scenario:questioned-advice');
  await app.click('scenario:questioned-advice');
  for (let i = 0; i < 4; i++) { await app.click('prep:1'); await app.click('button:Continue'); }
  for (const c of [1, 1, 1, 2, 1, 1, 1, 1]) await app.click(`reply:${c}`);
  await app.find('button:Results');
  const change = (await app.hits()).find((h) => h.label === 'trust:change');
  await app.click('button:Results');
  await app.find('outcome');
  return change;
}

/** The breakthrough on a phone (each control revealed before it is tapped), then the follow-up
 * screen: its email field. */
async function followUpOnAPhone(app) {
  await app.load();
  await app.reveal('scenario:questioned-advice');
  await app.click('scenario:questioned-advice');
  for (let i = 0; i < 4; i++) {
    await app.reveal('prep:1'); await app.click('prep:1');
    await app.reveal('button:Continue'); await app.click('button:Continue');
  }
  for (const c of [1, 1, 1, 2, 1, 1, 1, 1]) { await app.reveal(`reply:${c}`); await app.click(`reply:${c}`); }
  await app.reveal('button:Results'); await app.click('button:Results');
  await app.find('outcome');
  await app.reveal('button:Follow-up'); await app.click('button:Follow-up');
  return app.page.waitForSelector('#field-followup', { state: 'visible' });
}

/** The checklist's figure, in percent. */
async function coverage(app) {
  return Number(/(\d+)%/.exec((await app.find('followup:coverage')).text)[1]);
}

async function waitForCoverage(app, test) {
  for (let i = 0; i < 100; i++) {
    const c = await coverage(app);
    if (test(c)) return c;
    await app.page.waitForTimeout(50);
  }
  throw new Error(`the checklist did not move: ${await coverage(app)}%`);
}

/** Puts the caret in the draft just after `marker` and types `text` key by key. */
async function typeAfter(app, marker, text) {
  await app.page.click('#field-followup');
  await app.page.$eval('#field-followup', (el, m) => {
    const at = el.value.indexOf(m) + m.length;
    el.setSelectionRange(at, at);
  }, marker);
  await app.page.keyboard.type(text, { delay: 5 });
}

/** The results' score and the points a complete email adds to it. */
async function scoreAndPromise(app) {
  const score = Number((await app.find('score')).text);
  const points = Number((/adds (\d+) points? to this score/.exec((await app.find('end:followup-points')).text) || [])[1]);
  return { score, points };
}

/** On the email screen: the example email plus `tail` written as the draft, checked to 100%. */
async function writeFullEmail(app, tail) {
  await app.click('button:Show an example');
  await app.page.waitForSelector('#field-followup-example', { state: 'visible' });
  const email = `${await app.page.inputValue('#field-followup-example')}\n${tail}`;
  await app.page.fill('#field-followup', email);
  await app.reveal('followup:coverage', { x: 1150, y: 600, step: -300 });
  await waitForCoverage(app, (c) => c === 100);
  return email;
}

await run([
  ['follow-up email, clipboard, journal, history after reload, export and import', async () => {
    const app = await openApp({ seed: 0 });  // the author's path to the board-paper step
    try {
      await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url.replace(/\/$/, '') });
      await app.load();
      const lastChange = await playBreakthrough(app);
      // The last reply's trust change stays with the conversation: on the results it read as a
      // new penalty.
      assert(lastChange, 'the last reply changed trust, beside the meter');
      assert(!(await app.hits()).some((h) => h.label === 'trust:change'), 'the results show no last-turn change');
      const scoreBefore = Number((await app.find('score')).text);
      // The results say what a complete email will add, so that the score never moves unexplained.
      const promise = await app.find('end:followup-points');
      const points = Number((/adds (\d+) points? to this score/.exec(promise.text) || [])[1]);
      assert(points > 0, `the results say what the email adds: ${promise.text}`);

      // Follow-up email (issue 16): the draft is a real text field that opens as a skeleton for the
      // learner to fill; the checklist starts at 0% and follows what the learner types.
      await app.click('button:Follow-up');
      await app.page.waitForSelector('#field-followup', { state: 'visible' });
      const skeleton = await app.page.inputValue('#field-followup');
      assert(/^Hi Dana,$/m.test(skeleton) && /Best regards,\n\[your name\]/.test(skeleton), `a skeleton to fill:\n${skeleton}`);
      assert(!/Friday|Leeds/.test(skeleton), `the skeleton holds nothing of the conversation:\n${skeleton}`);
      const atOpen = await coverage(app);
      assert(atOpen === 0, `the checklist starts at 0%: ${atOpen}`);
      const reminder = await app.find('reminder:1');
      assert(/\[your name\]/.test(reminder.text), `no name set: the checklist says to sign: ${reminder.text}`);

      // Type under each heading, key by key, as a learner does.
      await typeAfter(app, 'What I heard from you:\n', 'Leeds already misses its dispatch window one day in five.');
      const afterRecap = await waitForCoverage(app, (c) => c > atOpen);
      await typeAfter(app, 'What happens next:\n', 'I will draft the pilot plan with your dispatch targets by Friday.');
      const afterStep = await waitForCoverage(app, (c) => c > afterRecap);
      assert(/^At 75% it adds \d+ points? to your score\.$/.test((await app.find('followup:points')).text),
        `below 75% the checklist says what the email will add: ${(await app.find('followup:points')).text}`);
      console.log(`     checklist: ${atOpen}% at open, ${afterRecap}% after a recap, ${afterStep}% after a next step`);
      assert(/^covered/.test((await app.find('check:step:step_draft')).text), 'the typed step is ticked');
      assert(/^missing/.test((await app.find('check:step:step_board_paper')).text), 'the board paper step is still missing');

      // "Show an example" reveals a read-only model email, in the second person; it changes no figure.
      assert(!(await app.page.isVisible('#field-followup-example')), 'the example waits until asked for');
      await app.click('button:Show an example');
      await app.page.waitForSelector('#field-followup-example', { state: 'visible' });
      const model = await app.page.inputValue('#field-followup-example');
      assert(await app.page.$eval('#field-followup-example', (e) => e.readOnly), 'the example is read-only');
      assert(/You said you would review the plan/.test(model) && /I will draft the pilot plan/.test(model), `second person:\n${model}`);
      assert(!/Dana's|Dana\u2019s/.test(model), `no third person for the client:\n${model}`);
      await app.screenshot('followup-0-example.png');
      await app.reveal('followup:coverage', { x: 1150, y: 600, step: -300 });  // the wheel over the checklist, not a field
      assert(await coverage(app) === afterStep, 'showing the example does not count as writing');

      // The name set in Settings signs the email (typed in any script, kept exactly).
      await app.click('button:Set your name');
      await app.page.waitForSelector('#field-name', { state: 'visible' });
      assert(!(await app.page.isVisible('#field-followup')), 'the sheet hides the draft field');
      await app.page.click('#field-name');
      const name = 'Zo\u00eb \u00d1\u00fa\u00f1ez';
      await app.page.keyboard.type(name);
      await app.click('button:Done');
      await app.page.waitForFunction((n) => document.getElementById('field-followup').value.includes(`Best regards,\n${n}`), name);
      assert(!(await app.hits()).some((h) => h.label === 'reminder:1'), 'the reminder goes once the email is signed');
      await app.reveal('field:followup-example', { x: 1150, y: 600 });  // the page holds only fields in view
      await app.page.waitForFunction((n) => document.getElementById('field-followup-example').value.includes(`\n${n}\n`), name);
      const stored = await app.page.evaluate(() => JSON.parse(localStorage.getItem('rapport.progress')).settings);
      assert(stored.learner_name === name, `the name is kept exactly: ${JSON.stringify(stored)}`);
      const draft = await app.page.inputValue('#field-followup-example');
      await app.reveal('followup:coverage', { x: 1150, y: 600, step: -300 });

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
      assert(scoreAfter === scoreBefore + points, `a complete follow-up email adds the ${points} points promised: ${scoreBefore} -> ${scoreAfter}`);
      const added = (await app.find('end:followup-points')).text;
      assert(added === `Your follow-up email added ${points} point${points === 1 ? '' : 's'} to this score.`, `the results say why the score rose: ${added}`);
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
      const kept = await app.reveal('history:followup');
      assert(kept.text === `${draft}\nI look forward to hearing from you.`, `and the email as written: ${kept.text}`);
      await app.screenshot('followup-3c-history-email.png');
      await app.reveal('button:Back to progress', { step: -300 });
      await app.click('button:Back to progress');
      await app.find('history:1');

      // Export, then import the same file plus one foreign session: merged without duplicates.
      await app.reveal('button:Export');
      const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('button:Export')]);
      const exported = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
      assert(exported.sessions.length === 1, 'export holds the session');
      exported.sessions.push({ ...exported.sessions[0], id: 'imported-from-laptop', score: 42, journal: '' });
      // Through the app's Import button and the browser's own file chooser (the input is hidden).
      await app.reveal('button:Import');
      const [chooser] = await Promise.all([app.page.waitForEvent('filechooser', { timeout: 10000 }), app.click('button:Import')]);
      await chooser.setFiles({ name: 'laptop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
      await app.find('history:2');
      assert(!(await app.hits()).some((h) => h.label === 'history:3'), 'the shared session is not duplicated');
      const notice = await app.reveal('notice:1', { step: -300 });
      assert(/Imported 1 new session from laptop\.json/.test(notice.text), `import merges without duplicates: ${notice.text}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['a past session: its follow-up email, written later from the history, counts toward it', async () => {
    const app = await openApp({ seed: 0 });
    try {
      await app.load();
      await playBreakthrough(app);
      const { score: scoreBefore, points } = await scoreAndPromise(app);
      // The learner leaves without writing, and comes back another day.
      await app.load();
      await app.click('button:Progress');
      await app.reveal('history:1');
      await app.click('history:1');
      await app.click('button:Write the follow-up email');
      await app.page.waitForSelector('#field-followup', { state: 'visible' });
      const skeleton = await app.page.inputValue('#field-followup');
      assert(/^Hi Dana,$/m.test(skeleton) && /What happens next:/.test(skeleton), `the session's skeleton:\n${skeleton}`);
      const email = await writeFullEmail(app, 'À bientôt — merci ☺');
      await app.screenshot('followup-5-from-history.png');
      // Back where the learner came from: Progress, where the entry shows the email's points.
      await app.reveal('button:Back to progress', { x: 1150, y: 600 });
      assert(!(await app.hits()).some((h) => h.label === 'button:Back to results'), 'no way back to results never seen');
      await app.click('button:Back to progress');
      const scoreAfter = scoreBefore + points;
      const back = await app.reveal('history:1');
      assert(back.text.includes(`score ${scoreAfter}`), `the email adds its ${points} points to that session: ${back.text}`);
      // After a reload: one session, its new score, the email exactly as written, and the button
      // now offers to edit it.
      await app.load();
      await app.click('button:Progress');
      const entry = await app.reveal('history:1');
      assert(entry.text.includes(`score ${scoreAfter}`), `the history keeps the new score: ${entry.text}`);
      assert(!(await app.hits()).some((h) => h.label === 'history:2'), 'the session is not duplicated');
      await app.click('history:1');
      await app.find('button:Edit the follow-up email');
      const kept = await app.reveal('history:followup');
      assert(kept.text === email, `the email as written: ${kept.text}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['an email being written survives a reload: it is kept a second after each change', async () => {
    const app = await openApp({ seed: 0 });
    try {
      await app.load();
      await playBreakthrough(app);
      const { score: scoreBefore, points } = await scoreAndPromise(app);
      await app.click('button:Follow-up');
      await app.page.waitForSelector('#field-followup', { state: 'visible' });
      const email = await writeFullEmail(app, 'Written, then the tab closed — 再见');
      // No button pressed, the screen not left: the page reloads (a closed tab, a crashed browser).
      await app.page.waitForFunction((e) => (localStorage.getItem('rapport.progress') || '').includes(JSON.stringify(e).slice(1, -1)), email, { timeout: 10000 });
      await app.load();
      await app.click('button:Progress');
      const entry = await app.reveal('history:1');
      assert(entry.text.includes(`score ${scoreBefore + points}`), `the email counted: ${entry.text}`);
      await app.click('history:1');
      const kept = await app.reveal('history:followup');
      assert(kept.text === email, `the email as written: ${kept.text}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  ['a phone: a swipe that starts on the email box scrolls the follow-up page', async () => {
    const app = await openApp({ width: 390, height: 844, hasTouch: true, seed: 0 });
    try {
      const field = await followUpOnAPhone(app);
      await app.quiet(300, 5000);
      const box = await field.boundingBox();
      assert(box.height > 300, `the email box fills much of the phone: ${Math.round(box.height)} px`);
      const cdp = await app.context.newCDPSession(app.page);
      const from = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height * 0.7) };
      await swipe(app, cdp, from, { x: from.x, y: from.y - 250 });
      const moved = await field.boundingBox();
      assert(moved.y < box.y - 150, `the page follows a swipe that starts on the email: ${Math.round(box.y)} -> ${Math.round(moved.y)}`);
      await swipe(app, cdp, { x: from.x, y: Math.round(moved.y + 40) }, { x: from.x, y: Math.round(moved.y + 290) });
      const back = await field.boundingBox();
      assert(back.y > moved.y + 150, `and back down: ${Math.round(moved.y)} -> ${Math.round(back.y)}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally { await app.close(); }
  }],

  // Reviewer O counted about 50 "Ignored attempt to cancel a touchmove event with cancelable=false"
  // errors in one swipe: a swipe that scrolls the email box to its end and goes on must not try to
  // cancel the browser's own scrolling.
  ['a phone: a swipe through the end of a long email logs no errors', async () => {
    const app = await openApp({ width: 390, height: 844, hasTouch: true, seed: 0 });
    try {
      const field = await followUpOnAPhone(app);
      await app.page.fill('#field-followup', Array.from({ length: 80 }, (_, i) => `Line ${i} of a long email.`).join('\n'));
      await app.quiet(300, 5000);
      const box = await field.boundingBox();
      await app.page.evaluate(() => {
        const el = document.getElementById('field-followup');
        el.scrollTop = el.scrollHeight - el.clientHeight - 40;
      });
      const cdp = await app.context.newCDPSession(app.page);
      const x = Math.round(box.x + box.width / 2);
      await swipe(app, cdp, { x, y: Math.round(box.y + box.height * 0.8) }, { x, y: Math.round(box.y + 20) }, 40);
      // With the old page.js this logged 32 errors here; how far the box's own scrolling gets
      // before the swipe passes to the page depends on the machine's speed, so that is not asserted.
      assert(app.problems.length === 0, app.problems.slice(0, 3).join('\n'));
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
