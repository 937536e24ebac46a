import type { core } from 'zod/mini';

/**
 * How large a request body the mock server reads: an upper bound of the JSON a route's body schema
 * accepts, so the largest valid request always fits and anything larger is refused (413) before
 * it is parsed.
 */

/** The cap of a route whose body schema sets no bound, or that takes no body: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Bytes one UTF-16 code unit may take in JSON text: six as an escape (`\u001f`, a lone surrogate). */
const MAX_BYTES_PER_CODE_UNIT = 6;
/** The longest `JSON.stringify` of a finite number: `-1.7976931348623157e+308`. */
const MAX_NUMBER_LENGTH = 24;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;
const jsonLength = (value: unknown) => utf8Length(JSON.stringify(value));

const integerRange: Partial<Record<string, readonly [number, number]>> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

// The contract's own schema objects (never network data), seen through zod's union of schema kinds
// so their definitions can be read.
const kind = (schema: core.$ZodType) => schema as core.$ZodTypes;
const checksOf = (schema: core.$ZodType) => (schema._zod.def.checks ?? []) as core.$ZodChecks[];

/** The most items or code units the checks allow, before any check rewrites the value (`trim`). */
function maxLength(schema: core.$ZodType): number {
  let max = Infinity;
  for (const check of checksOf(schema)) {
    const def = check._zod.def;
    if (def.check === 'overwrite') break; // a later maximum bounds the rewritten value, not the input
    if (def.check === 'max_length') max = Math.min(max, def.maximum);
    if (def.check === 'length_equals') max = Math.min(max, def.length);
  }
  return max;
}

/** A number's checks; an integer schema (`z.int()`) is itself the check of its format, first. */
function numberChecks(schema: core.$ZodType): core.$ZodChecks[] {
  const own = schema._zod.def as core.$ZodTypeDef & Partial<core.$ZodCheckNumberFormatDef>;
  const format = own.check === 'number_format' ? [schema as unknown as core.$ZodChecks] : [];
  return [...format, ...checksOf(schema)];
}

function numberLength(schema: core.$ZodType): number {
  let min = -Infinity;
  let max = Infinity;
  let integer = false;
  for (const check of numberChecks(schema)) {
    const def = check._zod.def;
    if (def.check === 'number_format') {
      const range = integerRange[def.format];
      if (range) [integer, min, max] = [true, Math.max(min, range[0]), Math.min(max, range[1])];
    }
    if (def.check === 'greater_than') min = Math.max(min, Number(def.value));
    if (def.check === 'less_than') max = Math.min(max, Number(def.value));
  }
  if (!integer) return MAX_NUMBER_LENGTH;
  return Math.max(String(Math.ceil(min)).length, String(Math.floor(max)).length);
}

const listLength = (count: number, each: number) =>
  count === 0 ? 2 : 2 + count * each + (count - 1);

/**
 * An upper bound of the UTF-8 byte length of `JSON.stringify(value)` for any value the schema
 * accepts, or Infinity when the schema sets none (a string without a maximum, an array without a
 * maximum, a record, `any`, a transform…). Counts the schema's own keys: keys a plain object
 * strips are dropped unread, and whitespace between tokens is not counted (clients send
 * `JSON.stringify` output).
 */
export function jsonByteBound(schema: core.$ZodType): number {
  const s = kind(schema);
  const def = s._zod.def;
  switch (def.type) {
    case 'string':
      return 2 + maxLength(s) * MAX_BYTES_PER_CODE_UNIT;
    case 'number':
      return numberLength(s);
    case 'boolean':
      return 5;
    case 'null':
      return 4;
    case 'enum':
      return Math.max(...Object.values(def.entries).map(jsonLength));
    case 'literal':
      return Math.max(...def.values.map((value) => jsonLength(value ?? null)));
    case 'array':
      return listLength(maxLength(s), jsonByteBound(def.element));
    case 'object': {
      const catchall = def.catchall?._zod.def.type;
      if (catchall !== undefined && catchall !== 'never') return Infinity;
      const entries = Object.entries(def.shape);
      const members = entries.map(([key, value]) => jsonLength(key) + 1 + jsonByteBound(value));
      return listLength(entries.length, 0) + members.reduce((sum, bytes) => sum + bytes, 0);
    }
    case 'union':
      return Math.max(...def.options.map(jsonByteBound));
    case 'nullable':
      return Math.max(4, jsonByteBound(def.innerType));
    case 'optional':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return jsonByteBound(def.innerType);
    case 'pipe':
      return jsonByteBound(def.in);
    default:
      return Infinity;
  }
}

/** The body limit of a route: its schema's bound, else `DEFAULT_BODY_LIMIT`. */
export function bodyLimit(schema: core.$ZodType | undefined): number {
  const bound = schema ? jsonByteBound(schema) : Infinity;
  return Number.isFinite(bound) ? bound : DEFAULT_BODY_LIMIT;
}
