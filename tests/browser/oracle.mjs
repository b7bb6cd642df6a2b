// The expected result of a playthrough, from the native build of the same core
// (build/native/rapport play): the browser tests compare the web app with it instead of accepting
// any line or any ending.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from './harness.mjs';

const cli = join(repo, 'build/native/rapport');

/**
 * Plays `scenario` (an id) with the first preparation option at every step, as the tests click
 * prep:1, then `choices`: 1-based offered positions, or { typed: text } for a typed reply (coded by
 * the same reply coder); with `untilEnd`, repeats the last choice until an ending. Positions are in
 * the order a session with `seed` shows (the harness loads the app with the same seed). Returns
 * { client: [lines], ending, score, replies }.
 */
export function nativePlay(scenario, choices, { untilEnd = false, seed = 1 } = {}) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build the native preset first (bash ci/build.sh native)`);
  const file = join(repo, 'scenarios', `${scenario}.json`);
  for (let extra = 0; extra <= (untilEnd ? 40 : 0); extra++) {
    const path = [...choices, ...Array(extra).fill(choices[choices.length - 1])];
    const typed = path.filter((c) => typeof c === 'object').flatMap((c) => ['--typed', c.typed]);
    const choose = path.map((c) => (typeof c === 'object' ? 't' : String(c))).join(',');
    const r = spawnSync(cli, ['play', file, ...(seed === 0 ? ['--authored-order'] : ['--seed', String(seed)]), '--prep', '1,1,1,1,1,1,1,1', '--choose', choose, ...typed], { encoding: 'utf8' });
    const ending = /^ENDING \S+ \(\w+\): (.*)$/m.exec(r.stdout);
    const score = /^SCORE (\d+)/m.exec(r.stdout);
    if (r.status === 0 && ending && score) {
      const client = [...r.stdout.matchAll(/^CLIENT: (.*)$/gm)].map((m) => m[1]);
      return { client, ending: ending[1], score: Number(score[1]), replies: path.length };
    }
    if (!untilEnd) throw new Error(`rapport play ${scenario} ${path}: ${r.stderr || r.stdout}`);
  }
  throw new Error(`rapport play ${scenario}: no ending with ${choices} repeated`);
}
