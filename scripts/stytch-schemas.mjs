// Regenerates test/shapes/schemas.json: a JSON Schema for every response type that Stytch's own
// packages declare for an endpoint the emulator serves (test/shapes/stytch-types.ts names them,
// test/shapes/endpoints.json maps routes to them), made by ts-json-schema-generator from the
// installed `stytch` and `@stytch/vanilla-js` typings — nothing written by hand — plus the
// `error_type` values of the SDK's StytchAPIErrorType union (read with the TypeScript checker; the
// union ends in `| string`, which is dropped so that only the named values pass).
// Run after upgrading either package: `node scripts/stytch-schemas.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const { createGenerator } = require('ts-json-schema-generator');

const TYPES = 'test/shapes/stytch-types.ts';
const endpoints = JSON.parse(readFileSync('test/shapes/endpoints.json', 'utf8'));
const aliases = [...new Set(Object.values(endpoints).filter(Boolean)), 'ErrorResponse'].sort();

const generator = createGenerator({
  path: TYPES,
  tsconfig: 'tsconfig.node.json',
  type: '*',
  expose: 'export',
  jsDoc: 'none',
  topRef: true,
  additionalProperties: true, // a field Stytch adds breaks nothing; one it declares and the emulator drops does
  skipTypeCheck: true,
});
const definitions = {};
for (const alias of aliases) {
  const schema = generator.createSchema(alias);
  for (const [name, definition] of Object.entries(schema.definitions ?? {})) {
    const known = definitions[name];
    if (known && JSON.stringify(known) !== JSON.stringify(definition))
      throw new Error(`Two different types are both named ${name}`);
    definitions[name] = definition;
  }
}

// The `stytch` package's generated typings write a field the API may send as null as optional
// (`member_session?: MemberSession`); the API sends null there (stytch-contract.md: `member_session`,
// `mfa_required`, `primary_required` are null when absent). So in the types only the Node package's
// roots reach, an optional property also accepts null. The SDK's typings say `| null` themselves.
const reach = (roots) => {
  const seen = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const name = decodeURIComponent(node.$ref.replace('#/definitions/', ''));
      if (!seen.has(name)) {
        seen.add(name);
        walk(definitions[name]);
      }
    }
    Object.values(node).forEach(walk);
  };
  roots.forEach((root) => walk({ $ref: `#/definitions/${root}` }));
  return seen;
};
const sdkOnly = reach(aliases.filter((a) => !a.startsWith('Backend') && a !== 'ErrorResponse'));
const nodeOnly = [...reach(aliases.filter((a) => a.startsWith('Backend')))].filter((n) => !sdkOnly.has(n));
const nullable = (node) => {
  if (Array.isArray(node)) return node.forEach(nullable);
  if (!node || typeof node !== 'object') return;
  if (node.type === 'object' && node.properties) {
    const required = new Set(node.required ?? []);
    for (const [key, property] of Object.entries(node.properties))
      if (!required.has(key)) node.properties[key] = { anyOf: [property, { type: 'null' }] };
  }
  Object.values(node).forEach(nullable);
};
for (const name of nodeOnly) nullable(definitions[name]);

// error_type: the string literals of StytchSDKAPIError['error_type'].
const program = ts.createProgram([TYPES], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  skipLibCheck: true,
  strict: true,
});
const checker = program.getTypeChecker();
const sdkImport = program
  .getSourceFile(TYPES)
  .statements.find(
    (s) => ts.isImportDeclaration(s) && s.moduleSpecifier.text === '@stytch/vanilla-js/b2b/headless',
  );
const sdkModule = checker.getSymbolAtLocation(sdkImport.moduleSpecifier);
const apiError = checker.getExportsOfModule(sdkModule).find((s) => s.name === 'StytchSDKAPIError');
// The checker reduces `'a' | … | string` to `string`, so read the union as written in the typings:
// error_type's declared type names the StytchAPIErrorType alias; its literal members are the values.
const errorTypeNode = checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(apiError), 'error_type')
  .declarations[0].type;
const alias = checker.getSymbolAtLocation(errorTypeNode.typeName);
const unionNode = alias.declarations[0].type;
const errorTypes = unionNode.types
  .filter((node) => ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal))
  .map((node) => node.literal.text)
  .sort();
if (errorTypes.length < 100)
  throw new Error(`Only ${errorTypes.length} error types found: has the SDK changed?`);

const versions = Object.fromEntries(
  ['stytch', '@stytch/vanilla-js'].map((name) => [
    name,
    JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version,
  ]),
);
const out = {
  $comment: 'Generated by scripts/stytch-schemas.mjs from the installed Stytch typings; do not edit.',
  versions,
  roots: Object.fromEntries(aliases.map((alias) => [alias, { $ref: `#/definitions/${alias}` }])),
  errorTypes,
  definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))),
};
writeFileSync('test/shapes/schemas.json', JSON.stringify(out, null, 1) + '\n');
console.log(
  `test/shapes/schemas.json: ${aliases.length} response types, ${Object.keys(definitions).length} definitions, ${errorTypes.length} error types`,
);
