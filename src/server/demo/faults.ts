import { z } from '../../lib/zod';

/**
 * Faults the mock can inject, each `kind:target` where target is a path prefix, in which `*`
 * stands for one path segment:
 * - `500:/api/queues` answers 500 to matching requests;
 * - `500:/api/items/* /decisions` (no space) answers 500 to every decision (and its undo), and
 *   leaves claims, reads and reveals alone;
 * - `malformed:/api/items` answers 200 with a body that breaks the contract (first leaf replaced);
 * - `tamper:audit` edits one stored audit event (the middle one) once, so its hash no longer
 *   matches: the log stays tampered until a reset.
 * - `ncmec:<code>` makes the in-process demo of NCMEC's CyberTipline API (src/server/demo/ncmec/) answer
 *   every `submit` with that response code (e.g. `ncmec:4100`, a validation rejection), and
 *   `ncmec:<endpoint>:<code>` makes that endpoint — submit, upload, fileinfo, finish or retract —
 *   answer the code (e.g. `ncmec:finish:1000`), while the fault is set; `ncmec:<endpoint>:lost`
 *   lets NCMEC do the step and loses its answer (the call fails as a dropped connection does), as
 *   when a finish reaches NCMEC but its answer never comes back; `ncmec:<endpoint>:slow` holds
 *   that endpoint's requests back 10 s before NCMEC receives them. These never touch the console's
 *   own HTTP API: NCMEC is called by the mock server, not by the browser.
 */
export const FaultSpec = z
  .string()
  .regex(
    /^((500|malformed):\/\S*|tamper:audit|ncmec:((submit|upload|fileinfo|finish|retract):)?[1-9]\d{0,8}|ncmec:(submit|upload|fileinfo|finish|retract):(lost|slow))$/,
    'a fault is `500:/path`, `malformed:/path`, `tamper:audit`, `ncmec:<code>`, `ncmec:<endpoint>:<code>`, `ncmec:<endpoint>:lost` or `ncmec:<endpoint>:slow`',
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

const NCMEC_FAULT = /^ncmec:(?:(submit|upload|fileinfo|finish|retract):)?([1-9]\d{0,8})$/;

/**
 * The response code the mock NCMEC must answer at `endpoint`, or null. A bare `ncmec:<code>`
 * targets `submit`, where NCMEC's validation rejections happen.
 */
export function ncmecFault(faults: readonly string[], endpoint: string): number | null {
  for (const fault of faults) {
    const match = NCMEC_FAULT.exec(fault);
    if (match?.[2] !== undefined && (match[1] ?? 'submit') === endpoint) return Number(match[2]);
  }
  return null;
}

/** Whether the mock NCMEC must do the step at `endpoint` and lose its answer. */
export function ncmecAnswerLost(faults: readonly string[], endpoint: string): boolean {
  return faults.includes(`ncmec:${endpoint}:lost`);
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
