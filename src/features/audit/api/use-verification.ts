import { useEffect, useRef, useState } from 'react';
import type { VerifyJob, VerifyMessage } from '../model/verify-protocol';

type Done = Extract<VerifyMessage, { type: 'done' }>;

export type VerificationState =
  | { kind: 'idle' }
  | { kind: 'running'; checked: number; total: number }
  | { kind: 'finished'; result: Done }
  | { kind: 'failed'; message: string };

/** Below this many events one worker does it all; above, the range is split between two. */
const SPLIT_FROM = 20_000;

/**
 * The jobs for a range: one, or two halves run side by side. The second half links to the first
 * half's last event by that event's stated hash, which the first half verifies: if both pass, the
 * whole range holds.
 */
export function splitJob(job: VerifyJob): VerifyJob[] {
  const count = job.lastSeq - job.firstSeq + 1;
  if (count < SPLIT_FROM) return [job];
  const middle = job.firstSeq + Math.floor(count / 2) - 1;
  return [
    { ...job, lastSeq: middle },
    { ...job, firstSeq: middle + 1 },
  ];
}

/** The halves' results as one: the earliest break wins; the times are the slowest half's. */
export function combine(results: readonly Done[]): Done {
  const failures = results.flatMap((r) => (r.failure ? [r.failure] : []));
  const failure = failures.sort((a, b) => a.seq - b.seq)[0] ?? null;
  const heads = results.map((r) => r.extendsRecordedHead).filter((h) => h !== null);
  return {
    type: 'done',
    checked: results.reduce((sum, r) => sum + r.checked, 0),
    failure,
    extendsRecordedHead: heads.length === 0 ? null : heads.some(Boolean),
    hashingMs: Math.max(...results.map((r) => r.hashingMs)),
    totalMs: Math.max(...results.map((r) => r.totalMs)),
  };
}

/** Runs chain verification in Web Workers, so the page stays responsive; one run at a time. */
export function useVerification() {
  const [state, setState] = useState<VerificationState>({ kind: 'idle' });
  const workers = useRef<Worker[]>([]);
  const stop = () => {
    for (const worker of workers.current) worker.terminate();
    workers.current = [];
  };
  useEffect(() => stop, []);

  const start = (job: VerifyJob) => {
    stop();
    const jobs = splitJob(job);
    const checked = jobs.map(() => 0);
    const done: Done[] = [];
    const total = job.lastSeq - job.firstSeq + 1;
    setState({ kind: 'running', checked: 0, total });
    workers.current = jobs.map((part, index) => {
      const worker = new Worker(new URL('../model/verify.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = (event: MessageEvent<VerifyMessage>) => {
        const message = event.data;
        if (message.type === 'progress') {
          checked[index] = message.checked;
          setState({ kind: 'running', checked: checked.reduce((a, b) => a + b, 0), total });
        } else if (message.type === 'error') {
          stop();
          setState({ kind: 'failed', message: message.message });
        } else {
          done.push(message);
          worker.terminate();
          if (done.length === jobs.length) setState({ kind: 'finished', result: combine(done) });
        }
      };
      worker.postMessage(part);
      return worker;
    });
  };
  return { state, start };
}
