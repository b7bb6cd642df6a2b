import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, repo } from './harness.mjs';
const items = readFileSync(join(repo, 'tests/data/coder/browser/parity.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const app = await openApp({ width: 800, height: 600, path: '?coach=0' });
const T = {}; const add = (k, t) => { T[k] = (T[k] || 0) + (Date.now() - t); };
await app.load();
const settled = async () => { await app.quiet(150, 5000); return app.hits(); };
async function startTyping() {
  let t = Date.now();
  const inside = (h) => h.label === 'prep:1' || h.label === 'mode:text' || h.label === 'input:reply';
  if (!(await settled()).some(inside)) await app.click('scenario:questioned-advice');
  for (let step = 0; step < 8; step++) {
    if (!(await settled()).some((h) => h.label === 'prep:1')) break;
    await app.click('prep:1'); await app.click('button:Continue');
  }
  if (!(await settled()).some((h) => h.label === 'input:reply')) await app.click('mode:text');
  await app.find('input:reply');
  add('start', t);
}
await startTyping();
const t0 = Date.now();
let n = 0;
for (const item of items.slice(0, 30)) {
  let t = Date.now();
  if ((await app.hits()).some((h) => h.label === 'button:Results')) {
    await app.click('button:Results'); await app.click('button:Try again'); add('results', t); await startTyping();
  }
  t = Date.now(); await app.find('client:last'); add('find', t);
  t = Date.now();
  const before = JSON.stringify((await app.hits()).filter((h) => h.label === 'client:last' || h.label.startsWith('learner:')));
  add('hits', t); t = Date.now();
  const act = await app.page.evaluate(() => document.activeElement && document.activeElement.id); T.act = (T.act||'') + (act||'-')[0]; if (act !== 'field-reply') await app.click('input:reply'); add('click', t); t = Date.now();
  await app.page.keyboard.insertText(item.text); add('insert', t); t = Date.now();
  const f0 = await app.page.evaluate(() => window.rapport.frames);
  await app.page.keyboard.press('Enter');
  await app.page.waitForFunction((b) => {
    const hits = JSON.parse(window.rapport.hitsJson || '[]');
    if (hits.some((h) => h.label === 'button:Results' || h.label === 'which:prompt')) return true;
    return JSON.stringify(hits.filter((h) => h.label === 'client:last' || h.label.startsWith('learner:'))) !== b;
  }, before, { timeout: 15000 });
  add('enter', t); t = Date.now();
  const f1 = await app.page.evaluate(() => window.rapport.frames);
  T.frames = (T.frames || 0) + (f1 - f0);
  await app.settle(150); add('settle', t);
  n++;
}
await (await import('./harness.mjs')).run([]);
console.log(n, 'replies', Date.now() - t0, 'ms', JSON.stringify(T));
await app.close();
