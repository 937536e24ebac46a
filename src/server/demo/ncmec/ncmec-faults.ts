/**
 * The demo NCMEC's faults, set with the demo's other faults (`/__mock/config`, key `faults`):
 * - `ncmec:<code>` answers every `submit` with that response code (e.g. `ncmec:4100`, a validation
 *   rejection);
 * - `ncmec:<endpoint>:<code>` makes that endpoint (submit, upload, fileinfo, finish or retract)
 *   answer the code (e.g. `ncmec:finish:1000`) while the fault is set;
 * - `ncmec:<endpoint>:lost` lets NCMEC do the step and loses its answer: the call fails as a
 *   dropped connection does, as when a finish reaches NCMEC but its answer never comes back;
 * - `ncmec:<endpoint>:slow` holds each request to that endpoint back `NCMEC_SLOW_MS` before NCMEC
 *   receives it, as a slow link does: long enough to stop the server with the step in flight.
 * They never touch the console's own HTTP API: NCMEC is called by the server, not by the browser.
 */
export const NCMEC_FAULT_PATTERN =
  /^ncmec:(?:(?:submit|upload|fileinfo|finish|retract):)?[1-9]\d{0,8}$|^ncmec:(?:submit|upload|fileinfo|finish|retract):(?:lost|slow)$/;

/** How long `ncmec:<endpoint>:slow` holds a request back. */
export const NCMEC_SLOW_MS = 10_000;

const CODE_FAULT = /^ncmec:(?:(submit|upload|fileinfo|finish|retract):)?([1-9]\d{0,8})$/;

/**
 * The response code the demo NCMEC must answer at `endpoint`, or null. A bare `ncmec:<code>`
 * targets `submit`, where NCMEC's validation rejections happen.
 */
export function ncmecFault(faults: readonly string[], endpoint: string): number | null {
  for (const fault of faults) {
    const match = CODE_FAULT.exec(fault);
    if (match?.[2] !== undefined && (match[1] ?? 'submit') === endpoint) return Number(match[2]);
  }
  return null;
}

/** Whether the demo NCMEC must do the step at `endpoint` and lose its answer. */
export function ncmecAnswerLost(faults: readonly string[], endpoint: string): boolean {
  return faults.includes(`ncmec:${endpoint}:lost`);
}

/** Whether the demo NCMEC must receive requests to `endpoint` late. */
export function ncmecSlow(faults: readonly string[], endpoint: string): boolean {
  return faults.includes(`ncmec:${endpoint}:slow`);
}
