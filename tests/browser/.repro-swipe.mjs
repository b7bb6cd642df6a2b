import { openApp, swipe } from './harness.mjs';
const app = await openApp({ width: 390, height: 844, hasTouch: true, seed: 0 });
try {
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
  const field = await app.page.waitForSelector('#field-followup', { state: 'visible' });
  await app.page.fill('#field-followup', Array.from({ length: 80 }, (_, i) => `Line ${i} of a long email.`).join('\n'));
  await app.quiet(300, 5000);
  const box = await field.boundingBox();
  const cdp = await app.context.newCDPSession(app.page);
  const from = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height * 0.3) };
  // Down first (the box is at its top: nothing to scroll that way), then up through the box's end.
  await app.page.evaluate(() => { const el = document.getElementById('field-followup'); el.scrollTop = el.scrollHeight - el.clientHeight - 40; });
  await swipe(app, cdp, { x: from.x, y: Math.round(box.y + box.height * 0.8) }, { x: from.x, y: Math.round(box.y + 20) }, 40);
  console.log('problems:', app.problems.length, app.problems.slice(0, 2).join(' | '));
} finally { await app.close(); }
