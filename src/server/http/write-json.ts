import { JsonText } from '../db/json-text';

/** A reply body whose top-level fields may each be given as JSON text. */
export type WithJsonText<B> = B extends object ? { [K in keyof B]: B[K] | JsonText<B[K]> } : B;

/** `JSON.stringify(body)`, with each top-level `JsonText` field's text put in as it is. */
export function writeJson(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return JSON.stringify(body);
  const fields: [string, unknown][] = Object.entries(body);
  if (!fields.some(([, value]) => value instanceof JsonText)) return JSON.stringify(body);
  const written = fields.flatMap(([key, value]) =>
    value === undefined // left out, as JSON.stringify leaves it
      ? []
      : [
          `${JSON.stringify(key)}:${value instanceof JsonText ? value.text : JSON.stringify(value)}`,
        ],
  );
  return `{${written.join(',')}}`;
}
