import { z } from 'zod';

/**
 * Faults the mock can inject, each `kind:target` where target is a path prefix, in which `*`
 * stands for one path segment:
 * - `500:/api/queues` answers 500 to matching requests;
 * - `500:/api/items/* /decisions` (no space) answers 500 to every decision (and its undo), and
 *   leaves claims, reads and reveals alone;
 * - `malformed:/api/items` answers 200 with a body that breaks the contract (first leaf replaced);
 * - `tamper:audit` edits one stored audit event (the middle one) once, so its hash no longer
 *   matches: the log stays tampered until a reset.
 */
export const FaultSpec = z
  .string()
  .regex(
    /^((500|malformed):\/\S*|tamper:audit)$/,
    'a fault is `500:/path`, `malformed:/path` or `tamper:audit`',
  );

export type FaultKind = '500' | 'malformed';

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** The target as a prefix pattern: `*` matches one path segment. */
const targetPattern = (target: string) =>
  new RegExp(`^${target.split('*').map(escapeRegExp).join('[^/]+')}`);

export function matchingFault(faults: readonly string[], path: string): FaultKind | null {
  for (const fault of faults) {
    const colon = fault.indexOf(':');
    const kind = fault.slice(0, colon);
    if (
      targetPattern(fault.slice(colon + 1)).test(path) &&
      (kind === '500' || kind === 'malformed')
    )
      return kind;
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
