/**
 * Malformed payloads generated from an operation's JSON Schema (as GET /api gives it): a valid-ish
 * base, then every path set to every nasty value, required fields removed, extra fields added, and
 * random combinations, all from a seeded generator so every run sends the same payloads.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  maxItems?: number;
  not?: JsonSchema;
};

/** The fuzzer's generator is the fault tests' one (mulberry32): the same sequence for a seed on every machine. */
export { seeded as seededRandom } from '../support/random';

const repeat = (s: string, n: number) => s.repeat(n);

/** What an attacker, a broken script or a bad paste sends instead of a proper value. */
export const NASTY: readonly unknown[] = [
  null, true, false, 0, -1, 1.5, -0.5, 2 ** 31, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1e308, -1e308, 5e-324,
  [], {}, [null], [[[[[]]]]], { a: { b: { c: {} } } }, ['a', 1, null], { length: 1e9 },
  '', ' ', '\t\n\r', 'a', repeat('a', 101), repeat('长', 5001), repeat('x', 200_000), repeat('😀', 3000),
  '\u0000', 'ab\u0000cd', '\u0000\u0000\u0000', 'abc\u0000', '\u001b[31mred', '\u007f\u0080\u009f', '\r\n\r\n',
  '\ud800', '\udc00', 'abc\ud800', '\udc00\ud800', '\ud83d', '\ufeff', '\u202eevil', '\ufffe\uffff',
  '../../../../../../etc/passwd', '..\\..\\..\\..\\Windows\\win.ini', '/etc/shadow', 'C:\\Windows\\System32\\config\\SAM',
  '\\\\server\\share\\x', 'file:///etc/passwd', '....//....//etc/passwd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'CON', 'NUL:', 'aux.txt',
  "'; DROP TABLE cases; --", "' OR '1'='1", '" OR ""="', '1; SELECT * FROM users', "x' UNION SELECT password_hash FROM users --",
  '%', '_', '\\', '%_%', 'a%b_c\\',
  '"', '""', '"abc', 'abc"', '"a" OR "b"', 'NEAR(a b)', 'NEAR("aaa" "bbb", 2)', 'abc*', '^abc', 'a AND', 'OR', 'NOT abc', '{col}: abc', 'body:abc', '(abc', 'abc)', '-abc', '+abc',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${7*7}', '<!--',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  'null', 'undefined', 'NaN', 'Infinity', '-0', '1e309', '0x10', '007', ' 1 ',
  '2026-02-30', '0000-00-00', '0999-03-01', '9999-12-31', '2026-11-20T25:61:61+08:00', '0999-03-01T10:00:00+08:00', '1999-12-31T23:59:59+08:00',
  '9999-12-31T23:59:59Z', '2026-11-20T10:00:00+14:00', '2000-01-01T00:00:00Z', '2026-11-20', '2026-11-20T10:00:00',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'TS2026-00001', 'admin', 'ADMIN',
  'ＡＢＣ１２３', '１３８１２３４５６７８', '+86 138 1234 5678', '13812345678'.repeat(3), '０５７１－８８８８６６６６',
];

/** Values the register itself supplies (codes from catalog.get, ids of rows that exist), by property name. */
export type Hints = Record<string, unknown>;

const FORMAT_SAMPLES: Record<string, string> = {
  date: '2026-11-20',
  'date-time': '2026-11-20T10:00:00+08:00',
  uuid: '3f1c2b4e-8a5d-4c6e-9f70-1a2b3c4d5e6f',
};
const STRING_CANDIDATES = ['测试文字', 'fuzz_value', 'ab', '13812345678'];

/** A value the schema accepts, as far as the schema alone can tell. */
export function sample(schema: JsonSchema, hints: Hints, name = ''): unknown {
  if (name in hints) return hints[name];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length) return sample(branches[0]!, hints, name);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        if (prop.not) continue; // a field that must be absent
        if (schema.required?.includes(key) || key in hints) out[key] = sample(prop, hints, key);
      }
      return out;
    }
    case 'array':
      return schema.items ? [sample(schema.items, hints, name)] : [];
    case 'integer':
    case 'number': {
      const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? 0);
      return Math.min(Math.max(min, 1), schema.maximum ?? 1);
    }
    case 'boolean':
      return true;
    case 'string': {
      if (schema.format && FORMAT_SAMPLES[schema.format]) return FORMAT_SAMPLES[schema.format];
      const fits = (s: string) =>
        s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity) && (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
      return STRING_CANDIDATES.find(fits) ?? 'x'.repeat(schema.minLength ?? 1);
    }
    default:
      return null;
  }
}

type Path = (string | number)[];

/** Every place a value can go: each property (present or optional), each array's first item. */
function paths(schema: JsonSchema, at: Path = []): { path: Path; schema: JsonSchema }[] {
  const out = [{ path: at, schema }];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return [...out, ...branches.flatMap((b) => paths(b, at).slice(1))];
  for (const [key, prop] of Object.entries(schema.properties ?? {})) out.push(...paths(prop, [...at, key]));
  if (schema.items) out.push(...paths(schema.items, [...at, 0]));
  return out;
}

function setAt(base: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy = (typeof base === 'object' && base !== null ? structuredClone(base) : {}) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** `count` payloads for one operation: the systematic ones first, then random combinations. */
export function payloads(schema: JsonSchema, hints: Hints, count: number, random: () => number): unknown[] {
  const base = sample(schema, hints);
  const out: unknown[] = [base];
  const where = paths(schema);
  for (const { path } of where) for (const v of NASTY) out.push(setAt(base, path, v));
  for (const { path, schema: s } of where) {
    if (path.length > 0) out.push(setAt(base, path, undefined, true));
    if (s.type === 'object' || s.properties) {
      out.push(setAt(base, [...path, 'extra'], 'x'));
      out.push(setAt(base, path, JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')));
    }
  }
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  while (out.length < count) {
    let p = base;
    const changes = 1 + Math.floor(random() * 4);
    for (let i = 0; i < changes; i++) p = setAt(p, pick(where).path, pick(NASTY));
    out.push(p);
  }
  return out.slice(0, count);
}
