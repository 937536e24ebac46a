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

/**
 * The exact text whose SHA-256 is an audit event's `hash`: the canonical JSON of the event without
 * `hash`. A verifier builds it for every event of the log, so it is one native JSON.stringify of
 * the event rebuilt with its keys in canonical order — the same bytes as `canonicalJson`, which it
 * falls back to when a detail key looks like an array index (JavaScript would order such keys
 * numerically, not by code unit).
 */
export function auditHashInput(event: Omit<AuditEvent, 'hash'>): string {
  const { seq, at, actor, action, subject, detail, prevHash } = event;
  const keys = Object.keys(detail).sort();
  if (keys.some((key) => /^\d+$/.test(key)))
    return canonicalJson({ seq, at, actor, action, subject, detail, prevHash });
  const sortedDetail: Record<string, Json> = {};
  for (const key of keys) sortedDetail[key] = detail[key] ?? null;
  return JSON.stringify({
    action,
    actor: { id: actor.id, name: actor.name, role: actor.role },
    at,
    detail: sortedDetail,
    prevHash,
    seq,
    subject: { id: subject.id, type: subject.type },
  });
}
