import { SchemaError, errors } from './errors.js';
import { own } from './own.js';

type FieldType = 'string' | 'number' | 'boolean' | 'object';
type FieldSpec = FieldType | `${FieldType}?`;
export type Schema = Record<string, FieldSpec>;

type TypeOf<T extends FieldType> = T extends 'string'
  ? string
  : T extends 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : Record<string, unknown>;

type RequiredFields<S extends Schema> = {
  [K in keyof S as S[K] extends FieldType ? K : never]: S[K] extends FieldType ? TypeOf<S[K]> : never;
};
type OptionalFields<S extends Schema> = {
  [K in keyof S as S[K] extends FieldType ? never : K]?: S[K] extends `${infer T extends FieldType}?`
    ? TypeOf<T>
    : never;
};
export type Infer<S extends Schema> = RequiredFields<S> & OptionalFields<S>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Checks a request body against a route's fields, as Stytch's SDK API does: a missing required field or
 * a value of the wrong type is a 400 schema error listing every problem. Unknown fields pass, but are
 * not in the answer: it holds the route's fields, each read from the body's own properties (a field
 * the body lacks is missing, whatever `Object.prototype` holds), in an object without a prototype.
 */
export function readBody<S extends Schema>(body: unknown, schema: S): Infer<S> {
  if (typeOf(body) !== 'object') throw errors.badRequest('The request body must be a JSON object.');
  const record = body as Record<string, unknown>;
  const fields = Object.create(null) as Record<string, unknown>;
  const issues: ConstructorParameters<typeof SchemaError>[0] = [];
  for (const [name, spec] of Object.entries(schema)) {
    const optional = spec.endsWith('?');
    const type = (optional ? spec.slice(0, -1) : spec) as FieldType;
    const value = own(record, name);
    if (value === undefined || (optional && value === null)) {
      if (!optional) {
        issues.push({
          keyword: 'required',
          dataPath: '',
          schemaPath: '#/required',
          message: `should have required property '${name}'`,
        });
      }
      continue;
    }
    if (typeOf(value) !== type) {
      issues.push({
        keyword: 'type',
        dataPath: `.${name}`,
        schemaPath: `#/properties/${name}/type`,
        message: `should be ${type}`,
      });
    }
    fields[name] = value;
  }
  if (issues.length) throw new SchemaError(issues);
  return fields as Infer<S>;
}
