// Rapport inside a real SCORM runtime (scorm-again from npm) in Chromium: a host page plays the
// LMS, embeds the app in an iframe, and keeps what the runtime received across reloads the way an
// LMS does. One run per SCORM version: play a session, check score, status, interactions,
// session time and resume data; start a second session; reload with the app's local storage
// cleared (as in a partitioned LMS iframe) and find the progress restored from suspend_data.
import { rmSync } from 'node:fs';
import { openApp, run, assert } from './harness.mjs';
import { lmsFolder, host, inApp, waitForHost } from './lms-host.mjs';

async function prepare(app) {
  await app.click('scenario:questioned-advice');
  for (let step = 0; step < 4; step++) {
    await app.click('prep:1');
    await app.click('button:Continue');
  }
  await app.find('client:last');
}

async function typeReply(app, text) {
  await app.click('mode:text');
  await app.click('input:reply');
  await app.page.keyboard.type(text, { delay: 5 });
  const before = (await app.find('client:last')).text;
  await app.page.keyboard.press('Enter');
  await inApp(app, (b) => new Promise((ok) => {
    const check = () => {
      const last = JSON.parse(window.rapport.hitsJson || '[]').find((h) => h.label === 'client:last');
      if (last && last.text !== b) ok(); else setTimeout(check, 50);
    };
    check();
  }), before);
  await app.settle(400);
}

/** Plays one LMS launch sequence for `version`; returns what the checks need. */
async function playInLms(version) {
  const dir = lmsFolder();
  const app = await openApp({ root: dir, frame: '#app' });
  const v2004 = version === '2004';
  const el = v2004
    ? { raw: 'cmi.score.raw', min: 'cmi.score.min', max: 'cmi.score.max', time: 'cmi.session_time', exit: 'cmi.exit',
        location: 'cmi.location', response: 'learner_response', wrong: 'incorrect', typed: 'long-fill-in' }
    : { raw: 'cmi.core.score.raw', min: 'cmi.core.score.min', max: 'cmi.core.score.max', time: 'cmi.core.session_time',
        exit: 'cmi.core.exit', location: 'cmi.core.lesson_location', response: 'student_response', wrong: 'wrong', typed: 'fill-in' };
  try {
    await app.load(`host.html?v=${version}`);
    const lms = await inApp(app, () => ({ connected: window.rapportLms.connected, version: window.rapportLms.version,
      mastery: window.rapportLms.masteryScore }));
    assert(lms.connected && lms.version === version, `the bridge found the ${version} API: ${JSON.stringify(lms)}`);
    let h = await host(app);
    assert(h.values[v2004 ? 'cmi.completion_status' : 'cmi.core.lesson_status'] === 'incomplete', 'attempt marked incomplete on start');

    // Session 1: the breakthrough path of skeleton.test.mjs.
    await prepare(app);
    const path = [1, 1, 1, 2, 1, 1, 1, 1];
    for (const reply of path) await app.click(`reply:${reply}`);
    await app.click('button:Results');
    const outcome = await app.find('outcome');
    assert(outcome.text === 'Dana owns the plan', `breakthrough ending, got "${outcome.text}"`);
    const score = Number((await app.find('score')).text);
    await waitForHost(app, (k) => window.host.values[k] !== undefined, el.raw, 'a score');
    await app.settle(200);
    h = await host(app);
    const received = { version, score, commits: h.commits };
    for (const k of Object.keys(h.values).filter((k) => !/interactions\.\d+\./.test(k))) received[k] = h.values[k];

    assert(Number(h.values[el.raw]) === score, `score raw ${h.values[el.raw]} = end screen ${score}`);
    assert(h.values[el.min] === '0' && h.values[el.max] === '100', 'score range 0..100');
    if (v2004) {
      assert(Math.abs(Number(h.values['cmi.score.scaled']) - score / 100) < 1e-9, `scaled ${h.values['cmi.score.scaled']}`);
      // The default policy (mastery): passed and completed at 70, otherwise the attempt stays open.
      assert(h.values['cmi.completion_status'] === (score >= 70 ? 'completed' : 'incomplete'), `completion ${h.values['cmi.completion_status']}`);
      assert(h.values['cmi.success_status'] === (score >= 70 ? 'passed' : 'unknown'), `success ${h.values['cmi.success_status']}`);
      assert(/^PT\d+H\d+M\d+(\.\d{1,2})?S$/.test(h.values[el.time]), `2004 session time ${h.values[el.time]}`);
    } else {
      assert(h.values['cmi.core.lesson_status'] === (score >= 70 ? 'passed' : 'incomplete'), `status ${h.values['cmi.core.lesson_status']}`);
      assert(/^\d{4}:\d{2}:\d{2}(\.\d{2})?$/.test(h.values[el.time]), `1.2 session time ${h.values[el.time]}`);
    }
    assert(h.values[el.exit] === 'suspend', `exit suspend, got ${h.values[el.exit]}`);
    assert(/^r3:/.test(h.values['cmi.suspend_data'] || ''), `suspend_data present: ${h.values['cmi.suspend_data']}`);
    assert(h.values['cmi.suspend_data'].length <= 4096, 'suspend_data within CMIString4096');
    assert(h.values[el.location] === 'questioned-advice:end', `location ${h.values[el.location]}`);
    const ids = Object.keys(h.values).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k));
    assert(ids.length === path.length, `one interaction per reply: ${ids.length}`);
    assert(h.values['cmi.interactions.0.id'] === 'questioned-advice-t1', `interaction id ${h.values['cmi.interactions.0.id']}`);
    assert(h.values['cmi.interactions.0.type'] === 'choice', 'chosen replies are choice interactions');
    assert(h.values[`cmi.interactions.0.${el.response}`] === 'a', `first reply is offered reply a: ${h.values[`cmi.interactions.0.${el.response}`]}`);
    assert(h.values['cmi.interactions.3.' + el.response] === 'b', 'fourth reply was the second offered');
    assert(h.values['cmi.interactions.0.result'] === 'correct', 'an open question counts as correct');
    received.interactions = ids.length;
    received.interaction0 = Object.fromEntries(Object.entries(h.values).filter(([k]) => k.startsWith('cmi.interactions.0.')));

    // The complete follow-up email raises the score afterwards: the LMS gets the new best. The
    // draft opens as a skeleton, so the learner writes it (here: from the example).
    await app.click('button:Follow-up');
    await app.click('button:Show an example');
    const frame = await app.appFrame();
    await frame.waitForSelector('#field-followup-example', { state: 'visible' });
    await frame.fill('#field-followup', await frame.inputValue('#field-followup-example'));
    await app.click('button:Hide the example');  // the page scrolls back to the checklist
    await app.find((x) => x.label === 'followup:coverage' && /100%/.test(x.text));
    await app.click('button:Download email');
    await app.click('button:Back to results');
    const raised = Number((await app.find('score')).text);
    assert(raised > score, `a complete follow-up email raises the score: ${score} -> ${raised}`);
    await waitForHost(app, ([k, want]) => window.host.values[k] === want, [el.raw, String(raised)], 'the raised score');
    received.scoreAfterFollowup = raised;

    // Session 2, left unfinished: one chosen reply and one typed reply.
    const back = (await app.hits()).some((x) => x.label === 'button:Library') ? 'button:Library' : 'button:Back to library';
    if (back === 'button:Back to library') await app.reveal(back);
    await app.click(back);
    await prepare(app);
    await app.click('reply:1');
    const typed = 'So the real worry is what this means for the people at Wakefield?';
    await typeReply(app, typed);
    await app.settle(300);
    h = await host(app);
    const n = path.length + 1;
    assert(h.values[`cmi.interactions.${n}.type`] === el.typed, `typed reply is ${el.typed}: ${h.values[`cmi.interactions.${n}.type`]}`);
    assert(h.values[`cmi.interactions.${n}.${el.response}`] === typed, `typed response kept: ${h.values[`cmi.interactions.${n}.${el.response}`]}`);
    assert(['correct', el.wrong].includes(h.values[`cmi.interactions.${n}.result`]), 'typed result');
    received.typedInteraction = Object.fromEntries(Object.entries(h.values).filter(([k]) => k.startsWith(`cmi.interactions.${n}.`)));
    received.suspendBeforeReload = h.values['cmi.suspend_data'];
    const clientBefore = (await app.find('client:last')).text;
    const localBefore = await inApp(app, () => localStorage.getItem('rapport.progress'));
    assert(localBefore && JSON.parse(localBefore).unfinished, 'the app also keeps its record in local storage');
    // The unfinished section's turns (scenario*prep*turns*node): one chosen, then one typed.
    const turns = (h.values['cmi.suspend_data'].split('|')[2] || '').split('*')[2] || '';
    assert(/^c\d+,t[0-9a-z]+\.[0-9a-z]+$/.test(turns), `suspend_data holds the chosen and the typed turn: ${h.values['cmi.suspend_data']}`);

    // Reload: pagehide commits and terminates; the app's local storage is then cleared.
    await app.load(`host.html?v=${version}&partition=1`);
    h = await host(app);
    assert(h.launches === 2, 'second launch');
    const local = await inApp(app, () => localStorage.getItem('rapport.progress'));
    const progress = await app.find('progress');
    received.progressAfterReload = progress.text;
    received.localAfterReload = local;
    assert(progress.text.includes('1 session completed'), `progress restored from suspend_data: "${progress.text}"`);
    assert(progress.text.includes(`best ${raised}`), `best score restored: "${progress.text}"`);
    const entry = await inApp(app, () => window.rapportLms.entry);
    assert(entry === 'resume', `the LMS resumed the attempt (entry ${entry})`);
    await app.screenshot(`scorm-${version}-after-reload.png`);
    assert(app.problems.length === 0, app.problems.join('\n'));
    const lmsErrors = await inApp(app, () => window.rapportLms.errors);
    assert(lmsErrors.length === 0, `LMS errors: ${lmsErrors.join('; ')}`);
    return { app, dir, received, clientBefore, typed };
  } catch (e) {
    await app.screenshot(`scorm-${version}-failure.png`).catch(() => {});
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** The unfinished session can be continued from the home screen after the reload. */
async function continueUnfinished({ app, clientBefore, typed }) {
  try {
    await app.click('button:Continue');
  } catch (e) {
    throw new Error(`the app stopped drawing after "Continue" (${app.problems.join('; ') || e.message}); ` +
      'ui/app.cpp must rebuild a replay-form session with replay_session() instead of Dialogue::restore()');
  }
  await app.settle(300);
  const hits = await app.hits();
  const notice = hits.find((h) => h.label.startsWith('notice:'));
  assert(!notice, `resume failed: ${notice && notice.text}`);
  const last = hits.find((h) => h.label === 'client:last');
  assert(last && last.text === clientBefore, `resumed at the same client line: "${last && last.text}" vs "${clientBefore}"`);
  const bubble = hits.find((h) => h.label === 'learner:2');
  assert(bubble && bubble.text === typed, `the typed reply is back in the chat: ${JSON.stringify(bubble && bubble.text)}`);
  // And in what the app saved after resuming (re-saved locally once it was rebuilt from the LMS's).
  const saved = await inApp(app, () => JSON.parse(localStorage.getItem('rapport.progress') || 'null'));
  // Saved as the session's inputs (core/suspend.h's replay form): a choice, then the typed text.
  const turns = (saved && saved.unfinished && saved.unfinished.replay && saved.unfinished.replay.turns) || [];
  assert(turns.length === 2, `two replies resumed: ${JSON.stringify(turns)}`);
  assert(turns[1].typed === typed, `the typed reply is back in the transcript: ${JSON.stringify(turns[1])}`);
}

const results = {};
await run([
  ['without an LMS the bridge stays out of the way', async () => {
    // A page on its own cannot be in an LMS: the bridge is not even fetched.
    const app = await openApp();
    const requested = [];
    app.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    try {
      await app.load();
      assert(!requested.some((p) => p.endsWith('/lms.js')), `lms.js fetched by a page on its own: ${requested.join(' ')}`);
      assert(await app.page.evaluate(() => window.rapportLms === undefined), 'a bridge without lms.js');
      await app.find('scenario:questioned-advice');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
    // In a frame (here the embedding example, which has no LMS) it looks for one and finds none.
    const framed = await openApp({ frame: '#rapport' });
    try {
      await framed.load('embed-example.html');
      const scope = await framed.appFrame();
      const lms = await scope.evaluate(() => ({ connected: window.rapportLms.connected, version: window.rapportLms.version }));
      assert(lms.connected === false && lms.version === null, `no LMS: ${JSON.stringify(lms)}`);
      await framed.find('prep:1');
      assert(framed.problems.length === 0, framed.problems.join('\n'));
    } finally {
      await framed.close();
    }
  }],
  ...['2004', '1.2'].map((version) => [`SCORM ${version}: scores, interactions and resume data reach scorm-again`, async () => {
    const played = await playInLms(version);
    results[version] = played;
    console.log(`     received (${version}): ${JSON.stringify(played.received)}`);
  }]),
  ['a kiosk in an LMS reports each visitor\'s session but keeps nothing for the next one', async () => {
    const dir = lmsFolder();
    const app = await openApp({ root: dir, frame: '#app' });
    try {
      await app.load('host.html?v=2004&app=kiosk=1');
      await app.click('button:Start');
      await app.reveal('scenario:questioned-advice');  // kiosk cards are larger: scroll to it
      await prepare(app);
      for (const reply of [1, 1, 1, 2, 1, 1, 1, 1]) await app.click(`reply:${reply}`);
      await app.click('button:Results');
      const score = Number((await app.find('score')).text);
      await waitForHost(app, () => window.host.values['cmi.score.raw'] !== undefined, null, 'a score');
      await app.settle(300);
      let h = await host(app);
      assert(Number(h.values['cmi.score.raw']) === score, `the visitor's score reached the LMS: ${h.values['cmi.score.raw']} vs ${score}`);
      assert(Object.keys(h.values).some((k) => /^cmi\.interactions\.\d+\.id$/.test(k)), 'the replies reached the LMS');
      assert(h.values['cmi.suspend_data'] === undefined, `no resume data from a kiosk: ${h.values['cmi.suspend_data']}`);
      const local = await inApp(app, () => Object.keys(localStorage).filter((k) => k.startsWith('rapport.')));
      assert(local.length === 0, `nothing in the browser's storage: ${local.join(', ')}`);

      // The next launch (the next visitor) starts at the attract screen with nothing to continue.
      await app.load('host.html?v=2004&app=kiosk=1');
      h = await host(app);
      assert(h.launches === 2, 'second launch');
      await app.click('button:Start');
      const hits = await app.hits();
      assert(!hits.some((x) => x.label === 'button:Continue'), 'no unfinished session offered to the next visitor');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }],
  ...['2004', '1.2'].map((version) => [`SCORM ${version}: the unfinished session continues after the reload (replay resumption)`, async () => {
    const played = results[version];
    if (!played) throw new Error('the launch before the reload failed');
    try {
      await continueUnfinished(played);
      assert(played.app.problems.length === 0, played.app.problems.join('\n'));
    } finally {
      await played.app.close();
      rmSync(played.dir, { recursive: true, force: true });
    }
  }]),
]);
