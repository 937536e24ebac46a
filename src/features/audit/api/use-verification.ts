import { useEffect, useRef, useState } from 'react';
import type { VerifyJob, VerifyMessage } from '../model/verify-protocol';

export type VerificationState =
  | { kind: 'idle' }
  | { kind: 'running'; checked: number; total: number }
  | { kind: 'finished'; result: Extract<VerifyMessage, { type: 'done' }> }
  | { kind: 'failed'; message: string };

/** Runs chain verification in a Web Worker, so the page stays responsive; one run at a time. */
export function useVerification() {
  const [state, setState] = useState<VerificationState>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  const start = (job: VerifyJob) => {
    worker.current?.terminate();
    const next = new Worker(new URL('../model/verify.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.current = next;
    setState({ kind: 'running', checked: 0, total: job.lastSeq - job.firstSeq + 1 });
    next.onmessage = (event: MessageEvent<VerifyMessage>) => {
      const message = event.data;
      if (message.type === 'progress')
        setState({ kind: 'running', checked: message.checked, total: message.total });
      else {
        setState(
          message.type === 'done'
            ? { kind: 'finished', result: message }
            : { kind: 'failed', message: message.message },
        );
        next.terminate();
      }
    };
    next.onerror = () => {
      setState({ kind: 'failed', message: 'The verification worker could not run.' });
      next.terminate();
    };
    next.postMessage(job);
  };
  return { state, start };
}
