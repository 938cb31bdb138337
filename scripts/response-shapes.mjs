// The emulator against Stytch's declared shapes: validates every answer the tests received (recorded
// by test/shapes/recorder.ts into EMULATOR_RESPONSES_DIR or the directory given) against the JSON
// Schemas generated from the installed `stytch` and `@stytch/vanilla-js` typings
// (test/shapes/schemas.json, by scripts/stytch-schemas.mjs). A success is checked against its
// endpoint's declared response type (the SDK's answers: their `data`); an error against the error
// body, with `error_type` one of the SDK's StytchAPIErrorType values. Prints `N of M endpoints
// conforming`; fails on any difference not listed, with why, in test/shapes/known-differences.json
// (and on a listed one that is gone).
// Usage: node scripts/response-shapes.mjs [recordings-dir]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

const dir = process.argv[2] ?? process.env.EMULATOR_RESPONSES_DIR;
if (!dir) {
  console.error('usage: node scripts/response-shapes.mjs <recordings-dir>');
  process.exit(2);
}
const schemas = JSON.parse(readFileSync('test/shapes/schemas.json', 'utf8'));
const endpoints = JSON.parse(readFileSync('test/shapes/endpoints.json', 'utf8'));
const known = JSON.parse(readFileSync('test/shapes/known-differences.json', 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema({ $id: 'stytch', definitions: schemas.definitions });
const validators = new Map();
const validatorOf = (alias) => {
  if (!validators.has(alias)) validators.set(alias, ajv.compile({ $ref: `stytch#/definitions/${alias}` }));
  return validators.get(alias);
};
const errorTypes = new Set(schemas.errorTypes);

/** A copy of `data` with each JSON pointer of `patch` set to its value (where its parent exists). */
function patched(data, patch) {
  const copy = structuredClone(data);
  for (const [pointer, value] of Object.entries(patch)) {
    const keys = pointer.split('/').slice(1);
    const last = keys.pop();
    let parent = copy;
    for (const key of keys) parent = parent?.[key];
    if (parent && typeof parent === 'object') parent[last] = structuredClone(value);
  }
  return copy;
}
const differenceOf = (key) => known.differences[known.endpoints[key]];

const recorded = readdirSync(dir)
  .filter((file) => file.endsWith('.jsonl'))
  .flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line)),
  );

/** endpoint → { seen, failures (after any listed patch), differed (before it) } */
const results = new Map(
  Object.keys(endpoints).map((key) => [key, { seen: 0, failures: new Map(), differed: false }]),
);
const unknownRoutes = new Set();
const errorFailures = new Map();
let errorsSeen = 0;
let schemaErrors = 0;
const fail = (map, message) => map.set(message, (map.get(message) ?? 0) + 1);
const describe = (errors) => errors.map((e) => `${e.instancePath || '/'} ${e.message}`);

for (const answer of recorded) {
  const key = `${answer.api} ${answer.method} ${answer.route}`;
  if (answer.status >= 400) {
    errorsSeen += 1;
    const body = answer.body;
    if (answer.api === 'sdk' && answer.status === 400 && Array.isArray(body?.body)) {
      schemaErrors += 1; // the SDK API's request-schema error: `{ body: ErrorObject[] }`, read by StytchSDKSchemaError
      continue;
    }
    const validate = validatorOf('ErrorResponse');
    if (!validate(body))
      for (const message of describe(validate.errors))
        fail(errorFailures, `${key} ${answer.status}: ${message}`);
    if (!errorTypes.has(body?.error_type))
      fail(errorFailures, `error_type ${JSON.stringify(body?.error_type)} is not in StytchAPIErrorType`);
    continue;
  }
  const result = results.get(key);
  if (!result) {
    unknownRoutes.add(key);
    continue;
  }
  result.seen += 1;
  const alias = endpoints[key];
  if (!alias) continue;
  const data = answer.api === 'sdk' ? answer.body?.data : answer.body;
  const validate = validatorOf(alias);
  const difference = differenceOf(key);
  if (!validate(data)) result.differed = true;
  const checked = difference ? patched(data, difference.patch) : data;
  if (!validate(checked)) for (const message of describe(validate.errors)) fail(result.failures, message);
}

let failed = false;
let declared = 0;
let reached = 0;
let conforming = 0;
const lines = [];
for (const [key, result] of results) {
  const alias = endpoints[key];
  if (!alias) {
    lines.push(`  -  ${key}: Stytch declares no response type (${result.seen} answers)`);
    continue;
  }
  declared += 1;
  const difference = differenceOf(key);
  if (!result.seen) {
    lines.push(`  ?  ${key} (${alias}): no answer recorded in this run`);
    continue;
  }
  reached += 1;
  if (result.failures.size) {
    failed = true;
    lines.push(`  ✗  ${key} (${alias}), ${result.seen} answers`);
    for (const [m, n] of result.failures) lines.push(`       ${m} ×${n}`);
  } else if (difference && result.differed) {
    lines.push(`  ≈  ${key} (${alias}), ${result.seen} answers; listed as ${known.endpoints[key]}`);
  } else if (difference) {
    failed = true;
    lines.push(`  ✗  ${key} (${alias}) conforms: remove it from test/shapes/known-differences.json`);
  } else {
    conforming += 1;
    lines.push(`  ✓  ${key} (${alias}), ${result.seen} answers`);
  }
}
console.log(`Emulator answers against Stytch's declared shapes (${recorded.length} answers recorded):`);
console.log(lines.join('\n'));
for (const [name, { why }] of Object.entries(known.differences)) console.log(`  ${name}: ${why}`);
const newErrorFailures = [...errorFailures.keys()];
console.log(
  `Errors: ${errorsSeen} error answers (${schemaErrors} SDK request-schema errors), ${errorFailures.size ? `${errorFailures.size} kinds of difference` : "all in Stytch's error shape with a declared error_type"}`,
);
for (const [m, n] of errorFailures) console.log(`  ✗ ${m} ×${n}`);
if (newErrorFailures.length) failed = true;
for (const key of unknownRoutes) console.log(`  route not in test/shapes/endpoints.json: ${key}`);
if (unknownRoutes.size) failed = true;
console.log(
  `${conforming} of ${reached} endpoints conforming (${reached - conforming} listed with why; ${declared - reached} of the ${declared} with a declared type not reached in this run)`,
);
process.exit(failed ? 1 : 0);
