// Checks that scenarios/schema.json agrees with the C++ loader: every shipped scenario must pass,
// and every broken file in tests/data/bad-scenarios/ must fail, except the ones expected.json
// lists under "schema_can_not_tell" (invalid JSON, cross-references, rules JSON Schema cannot say).
// Run from the repository root: node tests/browser/schema-check.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scenariosDir = join(root, 'scenarios');
const badDir = join(root, 'tests', 'data', 'bad-scenarios');

const schema = JSON.parse(readFileSync(join(scenariosDir, 'schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

const problems = [];
let checked = 0;

function check(file, text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { parsed: false, valid: false, errors: [`not valid JSON: ${e.message}`] };
  }
  const valid = validate(doc);
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  return { parsed: true, valid, errors };
}

// 1. Shipped scenarios: all must pass.
const shipped = readdirSync(scenariosDir).filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();
for (const f of shipped) {
  checked++;
  const r = check(f, readFileSync(join(scenariosDir, f), 'utf8'));
  if (!r.valid) problems.push(`scenarios/${f}: should pass the schema but fails:\n    ${r.errors.join('\n    ')}`);
}

// 2. Broken files: all must fail, except those the schema cannot judge.
const expected = JSON.parse(readFileSync(join(badDir, 'expected.json'), 'utf8'));
const cannotTell = new Set(expected.schema_can_not_tell ?? []);
const bad = readdirSync(badDir).filter((f) => f.endsWith('.json') && f !== 'expected.json').sort();
let rejected = 0;
let skipped = 0;
for (const f of bad) {
  checked++;
  if (!(f in expected)) problems.push(`tests/data/bad-scenarios/${f}: not listed in expected.json`);
  const r = check(f, readFileSync(join(badDir, f), 'utf8'));
  if (cannotTell.has(f)) {
    skipped++;
    // The schema should not reject these for some other reason, or the exception list hides a real gap.
    if (r.parsed && !r.valid)
      problems.push(`tests/data/bad-scenarios/${f}: listed as schema_can_not_tell, yet the schema rejects it:\n    ${r.errors.join('\n    ')}`);
    continue;
  }
  if (r.valid) {
    problems.push(`tests/data/bad-scenarios/${f}: the loader rejects it at ${expected[f]}, but the schema accepts it`);
    continue;
  }
  rejected++;
  // The schema should complain about the same place (or its parent, for a missing member) as the loader.
  const pointer = expected[f];
  const parent = pointer.slice(0, pointer.lastIndexOf('/')) || '/';
  const agrees = (validate.errors ?? []).some((e) => {
    const at = e.instancePath || '/';
    const named = e.params?.missingProperty ?? e.params?.additionalProperty ?? e.params?.propertyName;
    return at === pointer || at.startsWith(pointer + '/') || (at === parent && named !== undefined && `${parent === '/' ? '' : parent}/${named}` === pointer);
  });
  if (!agrees)
    problems.push(`tests/data/bad-scenarios/${f}: the schema rejects it, but not at ${pointer}:\n    ${r.errors.join('\n    ')}`);
}
for (const f of cannotTell)
  if (!bad.includes(f)) problems.push(`expected.json: schema_can_not_tell names ${f}, which does not exist`);

console.log(`schema-check: ${shipped.length} scenario(s) checked against scenarios/schema.json`);
console.log(`schema-check: ${rejected} broken file(s) rejected, ${skipped} left to the loader (schema_can_not_tell)`);
if (problems.length > 0) {
  console.error(`schema-check: ${problems.length} disagreement(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`schema-check: OK (${checked} files, schema and loader agree)`);
