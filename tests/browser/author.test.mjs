// Authors load scenario files into the running app: through the file picker and by dropping a
// file on the page. A broken file shows its errors (file and JSON pointer) and loses nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, run, assert, repo } from './harness.mjs';

const original = JSON.parse(readFileSync(join(repo, 'scenarios/questioned-advice.json'), 'utf8'));

await run([
  ['a broken scenario file names file and pointer; a good one becomes a card', async () => {
    const app = await openApp();
    try {
      await app.load();

      const broken = structuredClone(original);
      broken.nodes[0].replies[0].next = 'nowhere';
      await app.page.setInputFiles('#scenario-file', {
        name: 'broken-advice.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)),
      });
      const error = await app.find((h) => h.label.startsWith('error:'));
      assert(error.text.includes('broken-advice.json: /nodes/0/replies/0/next'), `error names file and pointer: ${error.text}`);
      assert(error.text.includes("'nowhere'"), `error says what is wrong: ${error.text}`);

      // Drop a good file on the page.
      const good = structuredClone(original);
      good.id = 'dropped-advice';
      good.title = 'A scenario dropped on the page';
      await app.page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, JSON.stringify(good));
      await app.find((h) => h.label.startsWith('notice:') && h.text.includes('dropped.json'));
      const card = await app.reveal('scenario:dropped-advice');
      assert(card.text === 'A scenario dropped on the page', `new card shows the title: ${card.text}`);
      await app.screenshot('author-1-loaded.png');
      // The shipped scenarios are all still there.
      await app.reveal('scenario:questioned-advice', { step: -300 });

      // The loaded scenario plays.
      await app.reveal('scenario:dropped-advice');
      await app.click('scenario:dropped-advice');
      await app.click('prep:1');
      assert(await app.find('button:Continue').catch(() => null), 'prep works for the loaded scenario');
      assert(app.problems.length === 0, app.problems.join('\n'));
    } finally {
      await app.close();
    }
  }],
  ['authors\' tools are off the learners\' library: ?author=1 or Settings opens the studio', async () => {
    const app = await openApp();
    const fetched = [];
    app.page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
    try {
      await app.load();
      await app.find('scenario:questioned-advice');
      // Scroll the whole library (the loader sat below the last card): no file loader anywhere.
      const shown = await app.reveal('button:Load scenario', { tries: 15 }).then(() => true, () => false);
      assert(!shown, 'a learner\'s library has no file loader');
      await app.load();  // back to the top
      await app.click('button:Settings');
      await app.click('author:tools');
      await app.click('button:Done');
      await app.reveal('button:Load scenario');
      // Settings then opens the studio; ?author=1 opens it directly, and its library button leads
      // to the learners' library with the authors' tools on.
      await app.load();
      await app.click('button:Settings');
      await app.click('author:tools');
      // The learners' app leaves the studio out (rapport-studio.wasm): the button opens its page.
      assert(!fetched.some((f) => f.startsWith('rapport-studio')), `a learner fetched: ${fetched.join(' ')}`);
      const open = await app.find('author:studio');  // a click that leaves the page: no frames to wait for
      await app.page.mouse.click(open.x + open.w / 2, open.y + open.h / 2);
      await app.page.waitForURL(/[?&]author=1/);
      await app.page.waitForFunction(() => window.rapport && window.rapport.ready, null, { timeout: 60000 });
      await app.find('button:New scenario');
      // (the .gz copies, or through the service worker, which keeps them decompressed)
      assert(fetched.some((f) => f.startsWith('rapport-studio.wasm')) && fetched.some((f) => f.startsWith('rapport-studio.js')),
        `the studio's page fetched: ${fetched.join(' ')}`);
      await app.load('?author=1');
      await app.find('button:New scenario');
      await app.click('button:Library');
      await app.reveal('button:Load scenario');
    } finally {
      await app.close();
    }
  }],
]);
