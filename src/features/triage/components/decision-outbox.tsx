import { Button } from '../../../components/ui/button';
import { useOutboxSender } from '../api/outbox-sender';
import { isUnsent, useOutbox, type OutboxEntry } from '../model/outbox';
import { useRecentDecision } from '../model/recent-decision';
import { UndoOffer } from './undo-offer';

const describe: Record<OutboxEntry['state'], string> = {
  sending: 'Sending',
  retrying: 'Waiting to send (will retry)',
  signin: 'Waiting for you to sign in again',
  conflict: 'Not recorded: conflict',
  rejected: 'Not recorded',
};

const isNotice = (entry: OutboxEntry) => entry.state === 'conflict' || entry.state === 'rejected';

/**
 * The signed-in reviewer's outbox, on every page: sends it, offers to undo the last decision, and
 * lists the decisions the server has not recorded yet and any it refused.
 */
export function DecisionOutbox({ userId }: { userId: string }) {
  useOutboxSender(userId);
  const entries = useOutbox((outbox) => outbox.entries);
  const remove = useOutbox((outbox) => outbox.remove);
  const undoShown = useRecentDecision((s) => s.last !== null || s.outcome !== null);
  if (entries.length === 0 && !undoShown) return null;
  const waiting = entries.filter(isUnsent).length;
  return (
    <section aria-label="Decisions being sent" className="mx-4 mt-2 space-y-1 text-sm">
      <UndoOffer />
      {waiting > 0 && (
        <p role="status">
          {waiting} decision{waiting === 1 ? '' : 's'} waiting to send
        </p>
      )}
      {entries.length > 0 && (
        <ul className="max-h-32 space-y-1 overflow-auto rounded-md border border-slate-300 bg-white p-2">
          {entries.map((entry) => (
            <li
              key={entry.key}
              role={isNotice(entry) ? 'alert' : undefined}
              className={isNotice(entry) ? 'text-red-900' : 'text-slate-700'}
            >
              {describe[entry.state]} — {entry.request.verdict.kind} on{' '}
              <span className="font-mono">{entry.itemId}</span>
              {entry.message && <>: {entry.message}</>}
              {isNotice(entry) && (
                <Button variant="quiet" className="ml-2" onClick={() => remove(entry.key)}>
                  Dismiss notice
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
