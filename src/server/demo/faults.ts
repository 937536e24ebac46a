import { z } from '../../lib/zod';
import { NCMEC_FAULT_PATTERN } from './ncmec/ncmec-faults';

/**
 * Faults the demo can inject, each `kind:target` where target is a path prefix, in which `*`
 * stands for one path segment:
 * - `500:/api/queues` answers 500 to matching requests;
 * - `500:/api/items/* /decisions` (no space) answers 500 to every decision (and its undo), and
 *   leaves claims, reads and reveals alone;
 * - `malformed:/api/items` answers 200 with a body that breaks the contract (first leaf replaced);
 * - `tamper:audit` edits one stored audit event (the middle one) once, so its hash no longer
 *   matches: the log stays tampered until a reset;
 * - `ncmec:…` faults make the demo NCMEC refuse, lose an answer or answer late (see
 *   `./ncmec/ncmec-faults.ts`).
 */
const HTTP_OR_TAMPER = /^(?:(?:500|malformed):\/\S*|tamper:audit)$/;

export const FaultSpec = z
  .string()
  .check(
    z.refine(
      (fault) => HTTP_OR_TAMPER.test(fault) || NCMEC_FAULT_PATTERN.test(fault),
      'a fault is `500:/path`, `malformed:/path`, `tamper:audit`, `ncmec:<code>`, `ncmec:<endpoint>:<code>`, `ncmec:<endpoint>:lost` or `ncmec:<endpoint>:slow`',
    ),
  );

export type FaultKind = '500' | 'malformed';

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** The target as a prefix pattern: `*` matches one path segment. */
const targetPattern = (target: string) =>
  new RegExp(`^${target.split('*').map(escapeRegExp).join('[^/]+')}`);

/** The HTTP fault for a console API path; `tamper:` and `ncmec:` faults are never HTTP faults. */
export function matchingFault(faults: readonly string[], path: string): FaultKind | null {
  for (const fault of faults) {
    const colon = fault.indexOf(':');
    const kind = fault.slice(0, colon);
    if (kind !== '500' && kind !== 'malformed') continue;
    if (targetPattern(fault.slice(colon + 1)).test(path)) return kind;
  }
  return null;
}

/** Replace the first scalar found depth-first with an object, so no schema can accept it. */
export function corrupt(value: unknown): unknown {
  let done = false;
  const walk = (node: unknown): unknown => {
    if (done) return node;
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    }
    done = true;
    return { malformed: true };
  };
  return walk(value);
}
