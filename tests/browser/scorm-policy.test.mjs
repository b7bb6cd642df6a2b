// The LMS reporting policies and review mode in scorm-again (issue 15, bugs 8 and 9), for both
// SCORM versions. Default "mastery": a first session below mastery leaves the attempt incomplete,
// so the next launch is in normal mode and a second session raises the score and passes; a retry
// of a session ("Retry from this turn") changes neither.
// "completion": any finished session completes. Review mode: a banner, nothing written.
import { rmSync } from 'node:fs';
import { openApp, run, assert } from './harness.mjs';
import { lmsFolder, host, inApp, waitForHost } from './lms-host.mjs';

const RUPTURE = [3, 3];                       // questioned-advice: a quick rupture, score far below 70
const BREAKTHROUGH = [1, 1, 1, 2, 1, 1, 1, 1];  // its breakthrough, above 70

function elements(version) {
  return version === '2004'
    ? { raw: 'cmi.score.raw', status: (v) => `${v['cmi.completion_status']}/${v['cmi.success_status']}` }
    : { raw: 'cmi.core.score.raw', status: (v) => v['cmi.core.lesson_status'] };
}

/** From the library: prepares questioned-advice, plays `path`, returns the end screen's score. */
async function playSession(app, path) {
  await app.reveal('scenario:questioned-advice');  // the library is sorted by difficulty; the banner pushes it down
  await app.click('scenario:questioned-advice');
  for (let step = 0; step < 4; step++) {
    await app.click('prep:1');
    await app.click('button:Continue');
  }
  for (const reply of path) await app.click(`reply:${reply}`);
  await app.click('button:Results');
  return Number((await app.find('score')).text);
}

async function backToLibrary(app) {
  const back = (await app.hits()).some((x) => x.label === 'button:Library') ? 'button:Library' : 'button:Back to library';
  if (back === 'button:Back to library') await app.reveal(back);
  await app.click(back);
}

async function inLms(fn) {
  const dir = lmsFolder();
  const app = await openApp({ root: dir, frame: '#app' });
  try {
    await fn(app);
    assert(app.problems.length === 0, app.problems.join('\n'));
    const errors = await inApp(app, () => window.rapportLms.errors);
    assert(errors.length === 0, `LMS errors: ${errors.join('; ')}`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const tests = [];
for (const version of ['2004', '1.2']) {
  const el = elements(version);
  const incomplete = version === '2004' ? 'incomplete/unknown' : 'incomplete';
  const passed = version === '2004' ? 'completed/passed' : 'passed';

  tests.push([`SCORM ${version}, mastery policy: practice stays in one attempt until mastery, the best score stands`, () => inLms(async (app) => {
    await app.load(`host.html?v=${version}`);
    assert((await inApp(app, () => window.rapportLms.policy)) === 'mastery', 'mastery is the default');
    const low = await playSession(app, RUPTURE);
    assert(low < 70, `the first session is below mastery: ${low}`);
    await waitForHost(app, (k) => window.host.values[k] !== undefined, el.raw, 'a score');
    await app.settle(300);
    let h = await host(app);
    assert(Number(h.values[el.raw]) === low, `score ${h.values[el.raw]}`);
    assert(el.status(h.values) === incomplete, `below mastery the attempt stays open: ${el.status(h.values)}`);

    // "Retry from this turn" to the breakthrough is not a run (it knew how the run went): the
    // LMS's score and status stay as the run left them.
    await app.reveal('retry:1');
    await app.click('retry:1');
    for (const reply of BREAKTHROUGH) await app.click(`reply:${reply}`);
    await app.click('button:Results');
    const retried = Number((await app.find('score')).text);
    assert(retried >= 70, `the retry reaches mastery: ${retried}`);
    await app.settle(600);
    h = await host(app);
    assert(Number(h.values[el.raw]) === low, `a retry leaves the LMS score: ${h.values[el.raw]} (run ${low}, retry ${retried})`);
    assert(el.status(h.values) === incomplete, `a retry leaves the status: ${el.status(h.values)}`);

    // The next launch is in normal mode (the LMS saw no completion), in the same attempt.
    await app.load(`host.html?v=${version}`);
    h = await host(app);
    assert(h.launches === 2, 'second launch');
    assert((await inApp(app, () => window.rapportLms.review)) === false, 'normal mode, not review');
    const high = await playSession(app, BREAKTHROUGH);
    assert(high >= 70, `the second session reaches mastery: ${high}`);
    await waitForHost(app, ([k, want]) => window.host.values[k] === want, [el.raw, String(high)], 'the higher score');
    await app.settle(300);
    h = await host(app);
    assert(el.status(h.values) === passed, `at mastery: ${el.status(h.values)}`);

    // A later, lower session neither lowers the score nor the status.
    await backToLibrary(app);
    await playSession(app, RUPTURE);
    await app.settle(600);
    h = await host(app);
    assert(Number(h.values[el.raw]) === high, `the best score stands: ${h.values[el.raw]}`);
    assert(el.status(h.values) === passed, `status kept: ${el.status(h.values)}`);
  })]);

  tests.push([`SCORM ${version}, completion policy: any finished session completes the attempt`, () => inLms(async (app) => {
    await app.load(`host.html?v=${version}&app=${encodeURIComponent('lms_policy=completion')}`);
    assert((await inApp(app, () => window.rapportLms.policy)) === 'completion', 'policy from the launch parameter');
    const low = await playSession(app, RUPTURE);
    await waitForHost(app, (k) => window.host.values[k] !== undefined, el.raw, 'a score');
    await app.settle(300);
    const h = await host(app);
    assert(Number(h.values[el.raw]) === low, `score ${h.values[el.raw]}`);
    const want = version === '2004' ? 'completed/failed' : 'completed';
    assert(el.status(h.values) === want, `completed below mastery: ${el.status(h.values)} (want ${want})`);
  })]);

  tests.push([`SCORM ${version}, review mode: a banner, local practice, nothing written to the LMS`, () => inLms(async (app) => {
    await app.load(`host.html?v=${version}&mode=review`);
    assert((await inApp(app, () => window.rapportLms.review)) === true, 'review mode detected');
    const banner = await app.find('notice:1');
    assert(/not recording this launch/.test(banner.text) && /Start a new attempt/.test(banner.text), `banner: ${banner.text}`);
    const score = await playSession(app, RUPTURE);
    assert(score >= 0, 'the session still plays');
    await backToLibrary(app);
    const progress = await app.reveal('progress', { step: -300 });
    assert(/^1 session completed/.test(progress.text), `local practice is kept: ${progress.text}`);
    await app.settle(500);
    const h = await host(app);
    assert(h.calls.length === 0, `nothing written to the LMS: ${JSON.stringify(h.calls)}`);
    assert(h.commits === 0, `no commits: ${h.commits}`);
  })]);
}

await run(tests);
