import { useBlocker } from '@tanstack/react-router';
import { useId } from 'react';
import { Button } from '../../../components/ui/button';

/**
 * Nothing typed is lost by a stray click: leaving a report with unsaved changes asks first, in
 * the page (and the browser asks on reload or close).
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const titleId = useId();
  const textId = useId();
  const blocker = useBlocker({
    shouldBlockFn: () => dirty,
    enableBeforeUnload: () => dirty,
    disabled: !dirty,
    withResolver: true,
  });
  if (blocker.status !== 'blocked') return null;
  return (
    <div
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={textId}
      className="fixed inset-x-0 top-20 z-10 mx-auto flex max-w-md flex-col gap-3 rounded-md border border-slate-300 bg-white p-4 shadow-lg"
    >
      <h2 id={titleId} className="font-semibold">
        Leave without saving?
      </h2>
      <p id={textId} className="text-sm">
        Your changes to this report are not saved. If you leave now they are lost.
      </p>
      <div className="flex gap-2">
        {/* Staying is the safe answer, so it has the focus. */}
        <Button variant="primary" autoFocus onClick={blocker.reset}>
          Stay and keep editing
        </Button>
        <Button onClick={blocker.proceed}>Leave without saving</Button>
      </div>
    </div>
  );
}
