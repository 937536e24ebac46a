import { Button } from '../../../components/ui/button';
import { useOutboxSender } from '../api/outbox-sender';
import { isUnsent, useOutbox } from '../model/outbox';
import type { OutboxEntry } from '../model/outbox-entry';
import { UndoOffer } from './undo-offer';

const describe: Record<OutboxEntry['state'], string> = {
  sending: 'Sending',
  retrying: 'Waiting to send (will retry)',
  checking: 'Checking with the server whether it was recorded',
  signin: 'Waiting for you to sign in again',
  conflict: 'Not recorded: conflict',
  rejected: 'Not recorded',
  undone: 'Undone',
};

const isNotice = (entry: OutboxEntry) => entry.state === 'conflict' || entry.state === 'rejected';

/**
 * The signed-in reviewer's outbox, on every page: sends it, offers to undo the last decision, and
 * lists the decisions the server has not recorded yet and any it refused. The live region stays
 * mounted so what appears in it is announced.
 */
export function DecisionOutbox({ userId }: { userId: string }) {
  useOutboxSender(userId);
  const all = useOutbox((outbox) => outbox.entries);
  const remove = useOutbox((outbox) => outbox.remove);
  const othersWaiting = useOutbox((outbox) => outbox.waitingForOthers);
  const entries = all.filter((entry) => entry.state !== 'undone');
  const waiting = entries.filter(isUnsent).length;
  return (
    <div className="mx-4 mt-2 space-y-1 text-sm empty:hidden">
      <div aria-live="polite" className="space-y-1 empty:hidden">
        <UndoOffer userId={userId} />
        {waiting > 0 && (
          <p>
            {waiting} decision{waiting === 1 ? '' : 's'} waiting to send
          </p>
        )}
        {othersWaiting > 0 && (
          <p>
            This browser also holds {othersWaiting} decision{othersWaiting === 1 ? '' : 's'} waiting
            for another user: they are sent when that user signs in here again.
          </p>
        )}
      </div>
      {entries.length > 0 && (
        <section aria-label="Decisions being sent">
          <ul className="max-h-32 space-y-1 overflow-auto rounded-md border border-slate-300 bg-white p-2">
            {entries.map((entry) => (
              <li key={entry.key} className={isNotice(entry) ? 'text-red-900' : 'text-slate-700'}>
                <span role={isNotice(entry) ? 'alert' : undefined}>
                  {describe[entry.state]} — {entry.request.verdict.kind} on{' '}
                  <span className="font-mono">{entry.itemId}</span>
                  {entry.message && <>: {entry.message}</>}
                </span>
                {isNotice(entry) && (
                  <Button
                    variant="quiet"
                    className="ml-2"
                    aria-label={`Dismiss the notice about ${entry.itemId}`}
                    onClick={() => remove(entry.key)}
                  >
                    Dismiss notice
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
