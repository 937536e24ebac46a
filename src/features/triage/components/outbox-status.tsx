import { Button } from '../../../components/ui/button';
import { useOutbox, type OutboxEntry } from '../model/outbox';

const describe: Record<OutboxEntry['state'], string> = {
  sending: 'Sending',
  retrying: 'Waiting to send (will retry)',
  conflict: 'Not recorded: conflict',
  rejected: 'Not recorded',
};

/** The decisions not yet recorded by the server, and any the server refused. */
export function OutboxStatus() {
  const entries = useOutbox((outbox) => outbox.entries);
  const remove = useOutbox((outbox) => outbox.remove);
  if (entries.length === 0) return null;
  const waiting = entries.filter((e) => e.state === 'sending' || e.state === 'retrying').length;
  return (
    <section
      aria-label="Decisions being sent"
      className="space-y-1 rounded-md border border-slate-300 bg-white p-2 text-sm"
    >
      {waiting > 0 && (
        <p role="status">
          {waiting} decision{waiting === 1 ? '' : 's'} waiting to send
        </p>
      )}
      <ul className="space-y-1">
        {entries.map((entry) => (
          <li
            key={entry.key}
            role={entry.state === 'conflict' || entry.state === 'rejected' ? 'alert' : undefined}
            className={
              entry.state === 'conflict' || entry.state === 'rejected'
                ? 'text-red-900'
                : 'text-slate-700'
            }
          >
            {describe[entry.state]} — {entry.request.verdict.kind} on{' '}
            <span className="font-mono">{entry.itemId}</span>
            {entry.message && <>: {entry.message}</>}
            {(entry.state === 'conflict' || entry.state === 'rejected') && (
              <Button variant="quiet" className="ml-2" onClick={() => remove(entry.key)}>
                Dismiss notice
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
