// The authoring studio in Chromium, through the UI alone (mouse and keyboard): a six-node scenario
// written from nothing, a lint error that appears and clears, a play-test to an ending, and the
// exported file, which passes `rapport lint` and loads in the learners' library.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openApp, run, assert, repo } from './harness.mjs';
import { lmsFolder, host, waitForHost } from './lms-host.mjs';

// fflate from the site's own packages (web/package.json) opens the package the browser built.
const { unzipSync } = createRequire(import.meta.url)(join(repo, 'web/node_modules/fflate'));

const GOOD = 'What would help you most right now?';
const REFLECT = "You're worried this will come back on you with your director.";
const PUSH = 'You need to understand that delays happen to everyone.';
// What a learner is likely to type: a typed-only reply, never a choice.
const TRAP = 'Have you checked the tracking page?';
const TRAP_SAY = 'Every morning. It has said "in transit" for nine days.';

/** Studio helpers over the harness: type into a field by its JSON pointer, pick in a combo. */
function studio(app) {
  const frames = () => app.page.evaluate(() => window.rapport.frames);
  const drawn = async (before) => app.page.waitForFunction((f) => window.rapport.frames > f + 1, before);
  const helper = {
    async type(pointer, text) {
      await helper.show(`field:studio:${pointer}`);
      const field = await app.find(`field:studio:${pointer}`);
      await app.page.mouse.click(field.x + 10, field.y + field.h / 2);
      await app.page.keyboard.press('Control+A');
      const before = await frames();
      await app.page.keyboard.insertText(text);
      await drawn(before);
      await app.find((h) => h.label === `field:studio:${pointer}` && h.text === text);
    },
    async pick(combo, value) {
      await helper.click(combo);
      await app.click(`choice:${value}`);
      await app.find((h) => h.label === combo && h.text === value).catch(async (e) => { await app.screenshot('studio-fail.png'); throw e; });
    },
    /** Scrolls the form column (right half) until `label` shows, then clicks it. */
    async show(label) {
      if (await app.find(label, 300).catch(() => null)) return;
      await app.reveal(label, { x: 960, y: 450, step: -400, tries: 4 }).catch(() => null);
      await app.reveal(label, { x: 960, y: 450, step: 300, tries: 12 });
    },
    async click(label) {
      await helper.show(label);
      return app.click(label);
    },
    async problems() { return Number((await app.find('studio:problems')).text); },
    async nodes() { return (await app.hits()).filter((h) => h.label.startsWith('graph:node:')).map((h) => h.label.slice(11)); },
    /** Drags on the graph from one box to another (re-links the open reply of the first). */
    async drag(from, to) {
      const a = await app.find(`graph:${from}`), b = await app.find(`graph:${to}`);
      const before = await frames();
      await app.page.mouse.move(a.x + a.w / 2, a.y + a.h / 2);
      await app.page.mouse.down();
      for (let i = 1; i <= 6; i++) await app.page.mouse.move(a.x + a.w / 2 + (b.x - a.x) * i / 6, a.y + a.h / 2 + (b.y - a.y) * i / 6);
      await app.page.mouse.up();
      await drawn(before);
    },
  };
  return helper;
}

let packageZip = null;

await run([
  ['a six-node scenario written through the studio plays to an ending and exports', async () => {
    const app = await openApp({ width: 1280, height: 800 });
    const s = studio(app);
    try {
      await app.load('?author=1');
      await app.click('button:New scenario');
      assert(await s.problems() > 0, 'a blank draft lists what is left to write');
      for (const [pointer, text] of [['/title', 'The late delivery'], ['/summary', 'A client whose order is late again.'],
        ['/briefing', "Priya's order is two weeks late and she has asked to talk."], ['/domain', 'customer_service'],
        ['/challenge', 'project_delays'], ['/client/name', 'Priya Shah'], ['/client/role', 'Purchasing lead'],
        ['/client/wants', 'Stock on her shelves before the sale.'], ['/client/fears', 'Being blamed by her director.']]) {
        await s.type(pointer, text);
      }
      for (const [kind, title] of [['breakthrough', 'Priya stays'], ['partial', 'Priya will think about it'], ['rupture', 'Priya cancels']]) {
        await s.click('button:Add ending');
        await s.pick('ending:kind', kind);
        const ending = (await app.find((h) => h.label.startsWith('field:studio:/endings/') && h.label.endsWith('/title'))).label.slice(13, -6);
        await s.type(`${ending}/title`, title);
        await s.type(`${ending}/debrief`, 'What happened and why it mattered.');
        await s.click('button:Scenario');
      }
      // The start node: its line, three replies (one pushes), and where a typed reply goes.
      await app.click('graph:fit');
      await app.click('graph:node:start');
      await s.type('/nodes/0/client/0/text', 'This is the third time. Why should I keep ordering from you?');
      for (const [r, [text, code, next]] of [[GOOD, 'open_question', 'ending-1'], [REFLECT, 'complex_reflection', 'ending-1'], [PUSH, 'persuade', 'ending-3']].entries()) {
        await s.click('button:Add reply');
        await s.type(`/nodes/0/replies/${r}/text`, text);
        await s.pick('reply:code', code);
        await s.pick('reply:next', next);
        if (code === 'persuade') await s.type(`/nodes/0/replies/${r}/better`, 'Ask what the delay has cost her this week.');
      }
      await s.click('button:Add reply');
      await s.type('/nodes/0/replies/3/text', TRAP);
      await s.pick('reply:code', 'closed_question');
      await s.pick('reply:next', 'ending-3');
      await s.pick('reply:shown', 'typed');
      await s.type('/nodes/0/replies/3/say', TRAP_SAY);
      await app.find((h) => h.label === 'reply:4' && /\(only when typed\)$/.test(h.text));
      await s.pick('node:typed', 'ending-1');
      // Five more nodes as copies of the start; none is reachable yet, and the checks say so.
      for (let i = 0; i < 5; i++) await s.click('button:Duplicate node');
      await app.click('graph:fit');
      const nodes = await s.nodes();
      assert(nodes.length === 6, `six nodes: ${nodes}`);
      const unreached = await app.find((h) => h.label.startsWith('problem:') && /cannot be reached from the start/.test(h.text));
      assert(unreached.text.length > 0, 'the lint error appears');
      await app.click(unreached.label);
      // Chain them: in each node the two good replies and a typed reply lead on, by dragging on the graph.
      const chain = nodes;
      assert(chain[0] === 'start', `the start comes first: ${chain}`);
      for (let i = 0; i < chain.length; i++) {
        await app.click('graph:fit');  // the graph grows a column with each link
        await app.click(`graph:node:${chain[i]}`);
        const next = i + 1 < chain.length ? `node:${chain[i + 1]}` : 'ending:ending-1';
        // Each drag is checked on the reply's card ("open question -> node-3"), and made again if a
        // busy machine lost it: a lost drag left a reply on its old link and ended the play-test early.
        const relink = async (reply, target) => {
          const id = target.slice(target.indexOf(':') + 1);
          // The reply's form open (a click on its card toggles it), then the drag.
          const form = `field:studio:/nodes/${i}/replies/${Number(reply.slice(6)) - 1}/text`;
          let card = null;
          for (let attempt = 0; attempt < 3; attempt++) {
            if (!(await app.hits()).some((h) => h.label === form)) await s.click(reply);
            await app.find(form);
            await s.drag(`node:${chain[i]}`, target);
            await s.show(reply);
            card = await app.find(reply);
            if (card.text.endsWith(`\u2192 ${id}`)) return;
            console.log(`     ${chain[i]} ${reply}: drag to ${id} not taken (${card.text.split('\n').pop()}), again`);
          }
          throw new Error(`${chain[i]} ${reply} was not linked to ${id}: ${card.text}`);
        };
        for (const reply of ['reply:1', 'reply:2']) await relink(reply, next);
        if (i === chain.length - 1) await relink('reply:3', 'ending:ending-2');
        if (i + 1 < chain.length) await s.pick('node:typed', chain[i + 1]);
        // The graph lists nodes in the draft's order, so chain[i] is /nodes/i.
        if (i > 0) await s.type(`/nodes/${i}/client/0/text`, `Line ${i + 1}: so what happens now?`);
      }
      await app.find((h) => h.label === 'studio:problems' && h.text === '0').catch(async (e) => {
        await app.screenshot('studio-fail.png');
        console.log((await app.hits()).filter((h) => h.label.startsWith('problem:')).map((h) => h.text).join('\n'));
        throw e;
      });
      await app.screenshot('studio-1-written.png');
      // Undo takes back the last edit (the problems come back), redo restores it.
      await app.click('button:Undo');
      await app.click('button:Redo');
      await app.find((h) => h.label === 'studio:problems' && h.text === '0');

      // Play-test from the start to an ending, in the real conversation screen.
      await app.click('button:Play-test');
      for (let turn = 0; turn < 6; turn++) {
        const good = await app.find((h) => h.label.startsWith('reply:') && h.text === GOOD);
        const shown = (await app.hits()).filter((h) => /^reply:\d+$/.test(h.label)).map((h) => h.text);
        assert(shown.length === 3 && !shown.includes(TRAP), `the typed-only reply is never a choice: ${shown}`);
        await app.click(good.label);
      }
      await app.click('button:Results');
      const outcome = await app.find('outcome');
      assert(outcome.text === 'Priya stays', `the play-test ends in the breakthrough: ${outcome.text}`);
      await app.screenshot('studio-2-playtest-end.png');
      await app.click('button:Back to editor');
      // Play from a node in the middle; one reply on, back to the editor at the node reached.
      await app.click('graph:fit');
      await app.click(`graph:node:${chain[2]}`);
      await app.click('button:Play from here');
      const opening = await app.find('client:last');
      assert(opening.text === 'Line 3: so what happens now?', `the play-test starts at ${chain[2]}: ${opening.text}`);
      await app.click((await app.find((h) => h.label.startsWith('reply:') && h.text === GOOD)).label);
      await app.find((h) => h.label === 'client:last' && h.text === 'Line 4: so what happens now?');
      await app.click('button:Back to editor');
      await app.find((h) => h.label === 'studio:selected' && h.text === chain[3]);
      const stored = await app.page.evaluate(() => JSON.parse(localStorage.getItem('rapport.progress') || '{"sessions":[]}'));
      assert((stored.sessions || []).length === 0, 'a play-test is not the learner\'s history');

      // Export: the file passes rapport lint and loads in the learners' library.
      await app.click('button:Ship');
      const [download] = await Promise.all([app.page.waitForEvent('download'), s.click('button:Export JSON')]);
      const dir = mkdtempSync(join(tmpdir(), 'rapport-studio-'));
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      assert(download.suggestedFilename() === 'my-scenario.json', download.suggestedFilename());
      const lint = spawnSync(join(repo, 'build/native/rapport'), ['lint', file], { encoding: 'utf8' });
      assert(lint.status === 0, `rapport lint: ${lint.stdout}${lint.stderr}`);
      const text = readFileSync(file, 'utf8');
      const trap = JSON.parse(text).nodes[0].replies[3];
      assert(trap.text === TRAP && trap.typed_only === true && trap.say === TRAP_SAY, `exported: ${JSON.stringify(trap)}`);

      // A SCORM 2004 package with the draft and one built-in scenario, built in the browser.
      await s.click('ship:budget-cut');
      const [zipped] = await Promise.all([app.page.waitForEvent('download', { timeout: 60000 }), s.click('button:SCORM 2004')]);
      assert(zipped.suggestedFilename() === 'my-scenario-scorm2004.zip', zipped.suggestedFilename());
      packageZip = join(dir, 'package.zip');
      await zipped.saveAs(packageZip);
      await app.find((h) => h.label.startsWith('notice:') && h.text.startsWith('Downloaded my-scenario-scorm2004.zip'));

      // The kiosk link opens this browser as a kiosk with the draft in its library.
      await s.show('field:studio:kiosk-link');
      const link = (await app.find('field:studio:kiosk-link')).text;
      assert(link === `${app.url}?kiosk=1&drafts=my-scenario`, `kiosk link: ${link}`);
      await app.page.goto(link);
      await app.page.waitForFunction(() => window.rapport && window.rapport.ready);
      await app.click('button:Start');
      await app.reveal('scenario:my-scenario');

      await app.load();
      await app.page.setInputFiles('#scenario-file', { name: 'my-scenario.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      const card = await app.reveal('scenario:my-scenario');
      assert(card.text === 'The late delivery', card.text);
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],
  ['the exported SCORM 2004 package launches in scorm-again: the new scenario plays and reports its score', async () => {
    assert(packageZip, 'the first test exported a package');
    const files = unzipSync(new Uint8Array(readFileSync(packageZip)));
    const unpacked = mkdtempSync(join(tmpdir(), 'rapport-package-'));
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), bytes);
    }
    const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
    for (const name of ['index.html', 'rapport.wasm', 'authored.json'])
      assert(manifest.includes(`<file href="${name}"/>`), `the manifest lists ${name}`);
    assert(manifest.includes('<title>The late delivery</title>'), 'the package is titled after the scenario');
    assert(!manifest.includes('@RAPPORT_'), 'every placeholder is filled');
    const app = await openApp({ root: lmsFolder(unpacked), frame: '#app' });
    try {
      await app.load('host.html?v=2004');
      const cards = (await app.hits()).filter((h) => h.label.startsWith('scenario:')).map((h) => h.label).sort();
      assert(JSON.stringify(cards) === JSON.stringify(['scenario:budget-cut', 'scenario:my-scenario']),
        `the package's library is the draft and the chosen built-in: ${cards}`);
      await app.click('scenario:my-scenario');
      for (let turn = 0; turn < 6; turn++) {
        const good = await app.find((h) => h.label.startsWith('reply:') && h.text === GOOD);
        await app.click(good.label);
      }
      await app.click('button:Results');
      assert((await app.find('outcome')).text === 'Priya stays', 'the breakthrough in the LMS too');
      const score = Number((await app.find('score')).text);
      await waitForHost(app, (s) => Number(window.host.values['cmi.score.raw']) === s, score, `cmi.score.raw ${score}`);
      const h = await host(app);
      // The package's policy is the site's (mastery, 70): completed once the score reaches it.
      assert(h.values['cmi.completion_status'] === (score >= 70 ? 'completed' : 'incomplete'), `completion ${h.values['cmi.completion_status']} for ${score}`);
      await app.screenshot('studio-3-package-in-lms.png');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],
]);
