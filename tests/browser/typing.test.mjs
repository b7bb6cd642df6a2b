// Typed replies through the real HTML text field: every character kept across a reload, paste,
// the "which did you mean?" prompt, and one coder everywhere (the browser codes 100 labelled
// replies exactly as `rapport code` does).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, run, assert, repo } from './harness.mjs';

const cli = join(repo, 'build/native/rapport');

/** Codes replies with the native CLI: [{text, context}] -> [{code, confidence, runner_up, ...}]. */
function nativeCodes(items) {
  const input = items.map((i) => JSON.stringify({ text: i.text, context: i.context })).join('\n') + '\n';
  const out = execFileSync(cli, ['code'], { input, encoding: 'utf8' });
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

/** Every turn saved in local storage (unfinished session and finished sessions' transcripts). */
async function savedTurns(app) {
  const record = await app.page.evaluate(() => JSON.parse(localStorage.getItem('rapport.progress') || 'null'));
  const turns = [];
  (function walk(v) {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.reply === 'string' && typeof v.code === 'string' && 'typed' in v) turns.push(v);
      // The unfinished session is saved as its inputs (core/suspend.h's replay form).
      else if (typeof v.typed === 'string' && typeof v.code === 'string') {
        turns.push({ reply: v.typed, code: v.code, typed: true, self_coded: v.self === true });
      }
      else Object.values(v).forEach(walk);
    }
  })(record);
  return turns;
}

async function startTyping(app, scenario = 'questioned-advice') {
  // Each decision reads the screen once the app has gone idle: a click's screen change ("Try
  // again", the last preparation step) can be drawn a frame after the frames the click waits for,
  // and a hit table read before it shows the screen that is going away.
  const settled = async () => { await app.quiet(150, 5000); return app.hits(); };
  // From the library (scrolled to the card when the window is small), else already in the scenario.
  const inside = (h) => h.label === 'prep:1' || h.label === 'mode:text' || h.label === 'input:reply';
  if (!(await settled()).some(inside)) await app.click(`scenario:${scenario}`);
  await app.find((h) => h.label === 'prep:1' || h.label === 'mode:text');
  for (let step = 0; step < 8; step++) {
    if (!(await settled()).some((h) => h.label === 'prep:1')) break;
    await app.click('prep:1');
    await app.click('button:Continue');
  }
  if (!(await settled()).some((h) => h.label === 'input:reply')) await app.click('mode:text');
  await app.find('input:reply');
}

/**
 * Types into the reply field and presses Enter; resolves once the app moved on. `insert` enters
 * the text in one input event, as an input method or dictation does, instead of key by key.
 */
async function send(app, text, { insert = false } = {}) {
  const before = JSON.stringify((await app.hits()).filter((h) => h.label === 'client:last' || h.label.startsWith('learner:')));
  // The field keeps the focus after a reply is sent, as it does for a learner typing one reply
  // after another; it is clicked when something else has it.
  const focused = await app.page.evaluate(() => document.activeElement && document.activeElement.id);
  if (focused !== 'field-reply') await app.click('input:reply');
  if (insert) await app.page.keyboard.insertText(text);
  else await app.page.keyboard.type(text, { delay: 0 });
  await app.page.keyboard.press('Enter');
  await app.page.waitForFunction((b) => {
    const hits = JSON.parse(window.rapport.hitsJson || '[]');
    if (hits.some((h) => h.label === 'button:Results' || h.label === 'which:prompt')) return true;
    const now = JSON.stringify(hits.filter((h) => h.label === 'client:last' || h.label.startsWith('learner:')));
    return now !== b;
  }, before, { timeout: 15000 });
  await app.settle(150);
}

const mixed = 'Ça va? 你好 😊 £20 ‘quoted’';

await run([
  ['a reply in any script is kept exactly, on screen, in the save and after a reload, sent or not', async () => {
    const app = await openApp({ path: '?coach=0' });
    try {
      await app.load();
      await startTyping(app);
      await send(app, mixed);
      const bubble = await app.find('learner:1');
      assert(bubble.text === mixed, `bubble keeps the text: ${JSON.stringify(bubble.text)}`);
      await app.settle();
      await app.screenshot('typing-1-mixed-scripts.png');
      const saved = (await savedTurns(app)).map((t) => t.reply);
      assert(saved.includes(mixed), `local save keeps the text: ${JSON.stringify(saved)}`);
      await app.load();
      await app.click('button:Continue');  // the home screen offers the unfinished session
      const again = await app.find('learner:1', 20000);
      assert(again.text === mixed, `after a reload the transcript shows: ${JSON.stringify(again.text)}`);
      // The learner was typing: the text box is back, not the reply cards (reviewer X).
      await app.find('input:reply', 20000);
      assert(!(await app.hits()).some((h) => h.label.startsWith('reply:')), 'the reply cards are shown after a reload');
      // A reply typed and not sent comes back too, in the text box, also when the page is reloaded
      // at once, before the app's one-second pause (reviewer X's was gone).
      await app.click('input:reply');
      await app.page.keyboard.type(mixed, { delay: 0 });
      await app.load();
      await app.click('button:Continue');
      await app.find('input:reply', 20000);
      await app.settle(300);
      const box = await app.page.evaluate(() => Array.from(document.querySelectorAll('#fields textarea')).map((t) => t.value));
      assert(box.includes(mixed), `the unsent reply is back in the box: ${JSON.stringify(box)}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],

  ['pasting into the reply box works, with a new line from Shift+Enter', async () => {
    const app = await openApp({ path: '?coach=0' });
    try {
      await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
      await app.load();
      await startTyping(app);
      const pasted = 'So the São Paulo order — €4,500 — is what keeps you up at night.';
      await app.page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
      await app.click('input:reply');
      await app.page.keyboard.press('Control+V');
      await app.page.keyboard.press('Shift+Enter');
      await app.page.keyboard.type('Is that right?');
      await app.settle(200);
      const draft = await app.page.evaluate(() => document.activeElement && document.activeElement.value);
      assert(draft === pasted + '\nIs that right?', `the field holds the paste and a new line: ${JSON.stringify(draft)}`);
      await app.page.keyboard.press('Enter');
      const bubble = await app.find('learner:1');
      assert(bubble.text === pasted + '\nIs that right?', `pasted reply sent as typed: ${JSON.stringify(bubble.text)}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],

  ['the which-did-you-mean readings answer to their number keys (reviewer X)', async () => {
    const app = await openApp();
    try {
      await app.load();
      await startTyping(app);
      const context = (await app.find('client:last')).text;
      const candidates = ['Okay, the budget then', 'Leeds and the dispatch window', 'So the depot', 'Right, fine then',
        'The board in September', 'That plan again', 'The quote', 'Yeah, the costs', 'And the drivers'];
      const coded = nativeCodes(candidates.map((text) => ({ text, context })));
      const pick = coded.findIndex((c) => c.ask_which);
      assert(pick >= 0, `a candidate the coder is unsure about: ${JSON.stringify(coded)}`);
      await send(app, candidates[pick]);
      await app.find('which:2');
      await app.settle(300);
      await app.page.keyboard.press('2');
      const bubble = await app.find('learner:1');
      assert(bubble.text === candidates[pick], `the reply is sent after the key: ${bubble.text}`);
      const turn = (await savedTurns(app)).find((t) => t.reply === candidates[pick]);
      assert(turn && turn.self_coded === true && turn.code === coded[pick].runner_up,
        `the second reading is the code: ${JSON.stringify(turn)} vs ${coded[pick].runner_up}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],
  ['an ambiguous reply asks which the learner meant, and the answer is recorded as self-coded', async () => {
    const app = await openApp();
    try {
      await app.load();
      await startTyping(app);
      const context = (await app.find('client:last')).text;
      // The coder itself says which of these it is unsure about, in this context.
      const candidates = ['Okay, the budget then', 'Leeds and the dispatch window', 'So the depot', 'Right, fine then',
        'The board in September', 'That plan again', 'The quote', 'Yeah, the costs', 'And the drivers'];
      const coded = nativeCodes(candidates.map((text) => ({ text, context })));
      const pick = coded.findIndex((c) => c.ask_which);
      assert(pick >= 0, `a candidate the coder is unsure about: ${JSON.stringify(coded)}`);
      await send(app, candidates[pick]);
      await app.find('which:prompt');
      const first = await app.find('which:1');
      const second = await app.find('which:2');
      await app.settle();
      await app.screenshot('typing-2-which.png');
      assert(first.text !== second.text, `two different choices: ${first.text} / ${second.text}`);
      // Reflecting is offered too when neither likeliest code reflects and nothing is asked.
      const reflects = [coded[pick].code, coded[pick].runner_up].some((c) => /reflection/.test(c)) || candidates[pick].includes('?');
      const third = (await app.hits()).find((h) => h.label === 'which:3');
      assert(reflects ? !third : third && /^Reflecting what they (meant or felt|said)$/.test(third.text),
        `a third choice exactly when neither code reflects: ${JSON.stringify(coded[pick])} ${third ? third.text : 'none'}`);
      // Switching to the offered replies keeps the question on screen: a reviewer who switched
      // thought the typed reply had gone.
      await app.click('mode:choice');
      await app.find('which:prompt');
      assert(!(await app.hits()).some((h) => h.label === 'reply:1'), 'no offered replies while the question waits');
      await app.click('which:2');
      const bubble = await app.find('learner:1');
      assert(bubble.text === candidates[pick], `the reply is sent after the answer: ${bubble.text}`);
      const turn = (await savedTurns(app)).find((t) => t.reply === candidates[pick]);
      assert(turn && turn.self_coded === true, `turn saved as self-coded: ${JSON.stringify(turn)}`);
      assert(turn.code === coded[pick].runner_up, `the learner's answer is the code: ${turn.code} vs ${coded[pick].runner_up}`);
      const note = (await app.find('coach:last')).text;
      assert(/you said you meant/.test(note), `the coach says it was the learner's choice: ${note}`);
      // The code is the learner's; the client answered the words, and the coach says so.
      assert(/Your scores count it as you meant it\. Your words could also be heard as .*, and that is how the client took them\./.test(note),
        `the coach says the client answered the words: ${note}`);
      await app.screenshot('typing-3-self-coded.png');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],

  ['on a phone at the largest text the readings offered fit the screen, each a card the column wide', async () => {
    const [W, H] = [390, 844];
    const app = await openApp({ width: W, height: H, hasTouch: true });
    try {
      await app.load();
      await app.click('button:Settings');
      await app.click('text:1.4');
      await app.reveal('button:Done', { x: 4, y: H / 2, step: H / 2 });
      await app.click('button:Done');
      await app.reveal('scenario:questioned-advice', { x: 4, y: H / 2, step: H / 2, tries: 60 });
      await startTyping(app);
      const context = (await app.find('client:last')).text;
      const candidates = ['Okay, the budget then', 'Leeds and the dispatch window', 'So the depot', 'Right, fine then',
        'The board in September', 'That plan again', 'The quote', 'Yeah, the costs', 'And the drivers'];
      const pick = nativeCodes(candidates.map((text) => ({ text, context }))).findIndex((c) => c.ask_which);
      assert(pick >= 0, 'a candidate the coder is unsure about');
      await send(app, candidates[pick]);
      await app.find('which:prompt');
      await app.settle();
      const choices = (await app.hits()).filter((h) => /^which:\d$/.test(h.label));
      assert(choices.length >= 2, `the readings: ${JSON.stringify(choices)}`);
      // Reviewer Q's "Recognising their effort or strength" pill ran from x 16.8 to 388.8 of 390.
      const [left, right] = [choices[0].x, choices[0].x + choices[0].w];
      for (const c of choices) {
        assert(c.x >= 8 && c.x + c.w <= W - 8, `${c.label} "${c.text}" inside the screen: ${c.x} to ${c.x + c.w}`);
        assert(Math.abs(c.x - left) < 1 && Math.abs(c.x + c.w - right) < 1, `${c.label} as wide as the others: ${c.x}, ${c.w}`);
      }
      await app.screenshot('typing-which-phone-largest.png');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],

  ['a reflection the coder reads as neither: "Reflecting what they meant or felt" is offered and recorded', async () => {
    const app = await openApp();
    try {
      await app.load();
      await startTyping(app);
      const context = (await app.find('client:last')).text;
      const text = 'You have raised things twice now and felt brushed off each time. And it is your name on this in front of the board and the people at Wakefield.';
      const [coded] = nativeCodes([{ text, context }]);
      assert(coded.ask_which && !/reflection/.test(coded.code) && !/reflection/.test(coded.runner_up),
        `the coder is unsure and offers no reflection: ${JSON.stringify(coded)}`);
      await send(app, text);
      const third = await app.find('which:3');
      assert(third.text === 'Reflecting what they meant or felt', `the third choice: ${third.text}`);
      await app.click('which:3');
      await app.find('learner:1');
      const turn = (await savedTurns(app)).find((t) => t.reply === text);
      assert(turn && turn.self_coded === true && turn.code === 'complex_reflection', `recorded as the learner's reflection: ${JSON.stringify(turn)}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],

  ['a reply area that grows under a long chat leaves its end in view (1280x640)', async () => {
    // A reviewer's which-did-you-mean prompt hid the bottom of the client's last line: the reply
    // area grew under a chat that had been read to its end, and the chat did not follow. The
    // choices growing in place of the text box do the same.
    const app = await openApp({ width: 1280, height: 640 });
    try {
      await app.load();
      await startTyping(app);
      for (const text of ['It sounds like this report landed badly with you.', 'You feel the board will blame you if Leeds slips.'])
        await send(app, text);
      const inView = async (where) => {
        const last = await app.find('client:last');
        const view = await app.find('chat:view');
        assert(last.dy + last.dh <= view.y + view.h + 1,
          `${where}: the client's last line ends at ${Math.round(last.dy + last.dh)}, the chat shows down to ${Math.round(view.y + view.h)}`);
      };
      await app.click('mode:choice');
      await app.find('reply:1');
      await app.settle();
      await app.screenshot('typing-choices-long-chat.png');
      await inView('the choices');
      await app.click('mode:text');
      await app.find('input:reply');
      await app.settle();
      const context = (await app.find('client:last')).text;
      // Long enough to take two lines in the prompt, which then is taller than the text box.
      const parts = ['Okay, the budget then', 'Leeds and the dispatch window', 'So the depot', 'Right, fine then',
        'The board in September', 'That plan again', 'The quote', 'Yeah, the costs'];
      const candidates = [];
      for (let i = 0; i + 3 < parts.length; i++)
        candidates.push(`${parts.slice(i, i + 4).join(', ')}, and all of that, the whole lot of it, again and again, over and over`);
      const coded = nativeCodes(candidates.map((text) => ({ text, context })));
      const pick = coded.findIndex((c) => c.ask_which);
      assert(pick >= 0, `a candidate the coder is unsure about: ${JSON.stringify(coded)}`);
      await send(app, candidates[pick]);
      await app.find('which:prompt');
      await app.settle();
      await app.screenshot('typing-which-long-chat.png');
      await inView('the which-did-you-mean prompt');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],

  ['keyboard: the app keeps the focus when a typed reply ends the talk, and Tab reaches the email field', async () => {
    const app = await openApp({ width: 1280, height: 800, path: '?coach=0' });
    const active = () => app.page.evaluate(() => (document.activeElement && document.activeElement.id) || '');
    try {
      await app.load();
      await startTyping(app);
      for (let turn = 0; turn < 25; turn++) {
        if ((await app.hits()).some((h) => h.label === 'button:Results')) break;
        await send(app, 'You want to be sure this works before you commit to anything.');
      }
      await app.find('button:Results');
      // The reply box went away with the last reply: the keyboard is back with the app, not lost.
      assert(await active() === 'canvas', `focus after the last typed reply: "${await active()}"`);
      await app.page.keyboard.press('Enter');
      await app.find('outcome');
      await app.click('button:Follow-up');
      await app.find('field:followup');
      let tabs = 0;
      while (await active() !== 'field-followup' && tabs < 40) { await app.page.keyboard.press('Tab'); await app.settle(60); ++tabs; }
      assert(await active() === 'field-followup', `Tab never reached the follow-up email field (${tabs} presses)`);
      await app.page.keyboard.type(' Thanks again.');
      const value = await app.page.evaluate(() => document.getElementById('field-followup').value);
      assert(value.endsWith(' Thanks again.'), `typed into the field: ${JSON.stringify(value.slice(-40))}`);
      await app.page.keyboard.press('Tab');
      await app.settle(100);
      assert(await active() === 'canvas', `Tab leaves the field for the app: "${await active()}"`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],

  ['the browser codes 100 labelled replies exactly as `rapport code` does', async () => {
    const items = readFileSync(join(repo, 'tests/data/coder/browser/parity.jsonl'), 'utf8').trim().split('\n')
      .map((l) => JSON.parse(l));
    assert(items.length === 100, `100 replies in the fixture, found ${items.length}`);
    // A small window: the coder does not depend on it, and SwiftShader draws each frame faster.
    const app = await openApp({ width: 800, height: 600, path: '?coach=0' });
    const contexts = new Map();
    try {
      await app.load();
      await startTyping(app);
      for (const item of items) {
        if ((await app.hits()).some((h) => h.label === 'button:Results')) {
          await app.click('button:Results');
          await app.click('button:Try again');
          await startTyping(app);
        }
        // What the client said when the reply was coded: the coder's context.
        contexts.set(item.text, (await app.find('client:last')).text);
        await send(app, item.text, { insert: true });
      }
      const turns = (await savedTurns(app)).filter((t) => t.typed);
      const browser = new Map();
      for (const t of turns) browser.set(t.reply, t);
      const missing = items.filter((i) => !browser.has(i.text)).map((i) => i.text);
      assert(missing.length === 0, `every reply saved exactly as typed; missing: ${JSON.stringify(missing)}`);
      const native = nativeCodes(items.map((i) => ({ text: i.text, context: contexts.get(i.text) })));
      const differ = [];
      let agree = 0;
      items.forEach((item, k) => {
        const got = browser.get(item.text).code;
        if (got !== native[k].code) differ.push(`${item.text}: browser ${got}, native ${native[k].code}`);
        if (native[k].code === item.code) ++agree;
      });
      console.log(`parity: ${items.length - differ.length}/${items.length} identical; agreement with the labels ${agree}/${items.length}`);
      assert(differ.length === 0, `browser and native coder disagree:\n${differ.join('\n')}`);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],
]);
