// Every screen at every size: library, settings, reference, preparation, conversation, results
// with the journal, follow-up, map and progress, at 390x844 (touch), 800x600, 1280x800 and
// 1920x1080, at the default and the largest text size. From the published hit table (each
// rectangle is what was drawn), scrolled from top to bottom: no two labelled widgets overlap,
// every button lies inside the canvas across and is fully in view at some scroll position, and
// the smallest text the theme draws is at least 15 CSS px. Screenshots of each screen's top are
// saved under build/test-artifacts/layout/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, run, assert, artifacts } from './harness.mjs';

const SIZES = [
  // The phone runs at pixel ratio 1: layout in CSS pixels is the same at 3, and SwiftShader draws
  // nine times fewer pixels (touch.test.mjs and the screenshots cover ratio 3).
  { name: 'phone', width: 390, height: 844, deviceScaleFactor: 1, hasTouch: true },
  { name: 'small', width: 800, height: 600, deviceScaleFactor: 1 },
  { name: 'laptop', width: 1280, height: 800, deviceScaleFactor: 1 },
  { name: 'wide', width: 1920, height: 1080, deviceScaleFactor: 1 },
];
const TEXT = [['default', '1.0'], ['largest', '1.4']];
const BUTTON = /^(button|reply|prep|mode|scenario|which|retry|history|suggest|theme|text|coach|author|check|stage)(:|$)/;
const dir = join(artifacts, 'layout');
// The wheel goes to the canvas at its left edge, never to a text field drawn over it.
const EDGE = 4;
mkdirSync(dir, { recursive: true });

/** True when `a` lies wholly inside `b` (a card and its parts). */
function inside(a, b) {
  return a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5;
}

/** Overlap of two hit rectangles in CSS px (area), ignoring touching edges and a container's own parts. */
function overlap(a, b) {
  if (inside(a, b) || inside(b, a)) return 0;
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 1 && h > 1 ? w * h : 0;
}

/** Turns the wheel at the canvas's left edge; false when nothing moved (no new frame drawn). */
async function wheel(app, height, dy) {
  const frames = await app.page.evaluate(() => window.rapport.frames);
  const before = JSON.stringify(await app.hits());
  await app.page.mouse.move(EDGE, height / 2);
  await app.page.mouse.wheel(0, dy);
  const drew = await app.page.waitForFunction((f) => window.rapport.frames > f + 1, frames, { timeout: 600 })
    .then(() => true, () => false);
  await app.page.waitForTimeout(30);
  return drew && JSON.stringify(await app.hits()) !== before;
}

/** Scrolls the view under the left edge of the screen to its top. */
async function toTop(app, { height }) {
  for (let i = 0; i < 30 && await wheel(app, height, -3000); i++);
}

/** Finds a widget from the top of the screen down (wheel steps suit small and large screens). */
async function fromTop(app, size, label) {
  await toTop(app, size);
  const hit = (await app.hits()).find((h) => h.label === label);
  if (hit) return hit;
  try {
    return await app.reveal(label, { x: EDGE, y: size.height / 2, step: size.height * 0.5, tries: 60 });
  } catch (e) {
    throw new Error(`looking for ${label}: ${e.message}; visible: ${(await app.hits()).map((h) => h.label).join(', ')}`);
  }
}

/** Scrolls the screen from top to bottom, checking each view; returns the problems found. */
async function scan(app, size, where) {
  const problems = [];
  const fullyInView = new Set();
  const seen = new Map();
  const { width, height } = size;
  await toTop(app, size);
  await app.page.screenshot({ path: join(dir, `${where}.png`) });
  for (let step = 0; step < 40; step++) {
    const hits = await app.hits();
    for (const h of hits) {
      seen.set(h.label, h);
      if (h.x >= -0.5 && h.y >= -0.5 && h.x + h.w <= width + 0.5 && h.y + h.h <= height + 0.5) fullyInView.add(h.label);
      if (BUTTON.test(h.label) && (h.x < -0.5 || h.x + h.w > width + 0.5))
        problems.push(`${where}: ${h.label} runs outside the canvas across (x ${h.x.toFixed(0)} to ${(h.x + h.w).toFixed(0)} of ${width})`);
      // The reply-mode pills share one row: on a phone at the largest text the full labels ran to
      // the very edge of the screen, with no margin where the left side has one.
      if (/^mode:/.test(h.label) && h.x + h.w > width - Math.min(8, h.x))
        problems.push(`${where}: ${h.label} reaches the canvas's right edge (ends at ${(h.x + h.w).toFixed(0)} of ${width})`);
    }
    for (let i = 0; i < hits.length; i++)
      for (let j = i + 1; j < hits.length; j++) {
        const a = hits[i], b = hits[j];
        const area = overlap(a, b);
        if (area > 0) problems.push(`${where}: ${a.label} and ${b.label} overlap (${area.toFixed(0)} px²)`);
      }
    // Half a screen of wheel scrolls at most about 60% of one, even at the largest text: no view is skipped.
    if (!await wheel(app, height, height * 0.5)) break;
  }
  for (const [label] of seen)
    if (BUTTON.test(label) && !fullyInView.has(label)) problems.push(`${where}: ${label} is never fully in view`);
  return [...new Set(problems)];
}

async function openScenario(app, size) {
  await fromTop(app, size, 'scenario:questioned-advice');
  await app.click('scenario:questioned-advice');
  await app.find('prep:1');
}

/** Visits every screen at one size and text size; returns the problems found. */
async function checkAll(size, textName, scale) {
      const app = await openApp({ ...size, seed: 0 });
      const problems = [];
      const at = (screen) => `${size.name}-${textName}-${screen}`;
      try {
        await app.load();
        await app.find((h) => h.label.startsWith('scenario:'));
        if (scale !== '1.0') {
          // The learner's own setting, kept for the rest of the run.
          await fromTop(app, size, 'button:Settings');
          await app.click('button:Settings');
          await app.click(`text:${scale}`);
          await fromTop(app, size, 'button:Done');
          await app.click('button:Done');
        }
        const px = await app.page.evaluate(() => window.rapport.textPx);
        if (!px || px.smallest < 15 - 0.01) problems.push(`${at('theme')}: smallest text ${px && px.smallest} CSS px, under 15`);

        problems.push(...await scan(app, size, at('library')));
        await fromTop(app, size, 'button:Settings');
        await app.click('button:Settings');
        await app.find('button:Done');
        problems.push(...await scan(app, size, at('settings')));
        await fromTop(app, size, 'button:Done');
        await app.click('button:Done');
        await fromTop(app, size, 'button:Reference');
        await app.click('button:Reference');
        await app.find('button:Close reference');
        problems.push(...await scan(app, size, at('reference')));
        await fromTop(app, size, 'button:Close reference');
        await app.click('button:Close reference');

        await openScenario(app, size);
        problems.push(...await scan(app, size, at('preparation')));
        for (let i = 0; i < 4; i++) {
          await fromTop(app, size, 'prep:1');
          await app.click('prep:1');
          await fromTop(app, size, 'button:Continue');
          await app.click('button:Continue');
        }
        await app.find('client:last');
        await app.click('reply:1');
        await app.find('client:last');
        problems.push(...await scan(app, size, at('conversation')));
        for (const c of [1, 1, 2, 1, 1, 1, 1]) {
          // The reply cards have their own scroll area at the bottom.
          await app.reveal(`reply:${c}`, { x: EDGE, y: size.height * 0.85 });
          await app.click(`reply:${c}`);
        }
        await app.find('client:final');
        problems.push(...await scan(app, size, at('conversation-end')));
        await app.click('button:Results');
        await app.find('outcome');
        problems.push(...await scan(app, size, at('results')));

        await fromTop(app, size, 'button:Follow-up');
        await app.click('button:Follow-up');
        await fromTop(app, size, 'followup:coverage');
        problems.push(...await scan(app, size, at('followup')));
        await fromTop(app, size, 'button:Back to results');
        await app.click('button:Back to results');
        await fromTop(app, size, 'button:Roadmap');
        await app.click('button:Roadmap');
        await app.find('button:Back to results');
        problems.push(...await scan(app, size, at('map')));
        await fromTop(app, size, 'button:Back to results');
        await app.click('button:Back to results');
        await fromTop(app, size, 'button:Back to library');
        await app.click('button:Back to library');
        await fromTop(app, size, 'button:Progress');
        await app.click('button:Progress');
        await fromTop(app, size, 'trend:score');
        problems.push(...await scan(app, size, at('progress')));
        await fromTop(app, size, 'history:1');
        await app.click('history:1');
        await app.find('history:outcome');
        problems.push(...await scan(app, size, at('history')));
        assert(app.problems.length === 0, app.problems.join('\n'));
      } finally { await app.close(); }
      return problems;
}

// One test per size; its two text sizes run side by side (the browsers mostly wait for frames).
const tests = SIZES.map((size) => [`${size.name} ${size.width}x${size.height}, default and largest text`, async () => {
  const problems = (await Promise.all(TEXT.map(([name, scale]) => checkAll(size, name, scale)))).flat();
  assert(problems.length === 0, `${problems.length} layout problem(s):\n${problems.join('\n')}`);
}]);
// The longest title beside the trust meter: "Late again, and she heard it from someone else ·
// Sunita Bhatt" ran under the meter at the largest text ("Sunita Bhat"), a reviewer found.
tests.push(['late-again at the largest text, 1280x800: the top bar title stays clear of the trust meter', async () => {
  const size = { name: 'laptop', width: 1280, height: 800 };
  const app = await openApp({ ...size, seed: 0 });
  try {
    await app.load();
    await fromTop(app, size, 'button:Settings');
    await app.click('button:Settings');
    await app.click('text:1.4');
    await fromTop(app, size, 'button:Done');
    await app.click('button:Done');
    await fromTop(app, size, 'scenario:late-again');
    await app.click('scenario:late-again');
    for (let step = 0; step < 8 && (await app.hits()).some((h) => h.label === 'prep:1'); step++) {
      await app.click('prep:1');
      await app.reveal('button:Continue');
      await app.click('button:Continue');
      await app.quiet(150, 5000);
    }
    // A reply that costs trust: its change ("-10") widens the meter.
    const defend = await app.find((h) => /^reply:\d+$/.test(h.label) && h.text.startsWith('To be fair'));
    await app.click(defend.label);
    await app.find('trust:change');
    await app.quiet(150, 5000);
    const title = await app.find('top:title');
    // The title is clipped 8 dp before the meter (more than 8 CSS px at any text size).
    const meter = await app.find('meter:trust');
    meter.x -= 8;
    await app.screenshot('laptop-largest-late-again-title.png');
    assert(title.x + title.w <= meter.x, `the title "${title.text}" runs to ${Math.round(title.x + title.w)}, the meter starts at ${Math.round(meter.x)}`);
    assert(app.problems.length === 0, app.problems.join('\n'));
  } finally { await app.close(); }
}]);
// A phone turned sideways: the chat kept one bubble's height (131 of 390 px) under a four-line reply
// box (reviewer X). Typing, the conversation keeps at least two fifths of the screen.
tests.push(['a phone turned sideways (844x390), typing: the chat keeps two fifths of the height', async () => {
  const size = { name: 'sideways', width: 844, height: 390, hasTouch: true };
  const app = await openApp({ ...size, seed: 0 });
  try {
    await app.load();
    await fromTop(app, size, 'scenario:price-objection');
    await app.click('scenario:price-objection');
    for (let step = 0; step < 8 && (await app.hits()).some((h) => h.label === 'prep:1'); step++) {
      await app.click('prep:1');
      await app.reveal('button:Continue');
      await app.click('button:Continue');
      await app.quiet(150, 5000);
    }
    await app.click('mode:text');
    await app.find('input:reply');
    await app.quiet(150, 5000);
    const chat = await app.find('chat:view');
    await app.screenshot('sideways-typing.png');
    assert(chat.h >= 0.4 * size.height, `the chat is ${Math.round(chat.h)} px of ${size.height}`);
    assert(app.problems.length === 0, app.problems.join('\n'));
  } finally { await app.close(); }
}]);
await run(process.env.LAYOUT_ONLY ? tests.filter(([n]) => n.includes(process.env.LAYOUT_ONLY)) : tests);
