import type { CustodyEvent } from '../../../api/schemas/item';

/** Chain of custody, oldest first: ingested → hashed → scanned → quarantined → … */
export function CustodyTimeline({ events }: { events: readonly CustodyEvent[] }) {
  const ordered = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return (
    <div>
      <h3 className="text-xs font-semibold text-slate-600">Custody</h3>
      {ordered.length === 0 ? (
        <p className="text-sm text-slate-500">No custody events recorded.</p>
      ) : (
        <ol className="mt-1 space-y-1 border-l border-slate-300 pl-3 text-xs">
          {ordered.map((event, i) => (
            <li key={`${event.kind}-${i}`}>
              <span className="font-medium">{event.kind}</span> · {event.at} · {event.by} ·{' '}
              {event.location}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
