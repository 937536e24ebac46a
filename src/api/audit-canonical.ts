import type { AuditEvent } from './schemas/audit';

/** The hash that precedes the first event of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Canonical JSON: object keys sorted by UTF-16 code unit order at every level, no whitespace,
 * strings and numbers as JSON.stringify writes them. A real backend produces the same bytes.
 */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] ?? null)}`).join(',')}}`;
}

/** The exact text whose SHA-256 is an audit event's `hash`: the event without `hash`. */
export function auditHashInput(event: Omit<AuditEvent, 'hash'>): string {
  const { seq, at, actor, action, subject, detail, prevHash } = event;
  return canonicalJson({ seq, at, actor, action, subject, detail, prevHash });
}
