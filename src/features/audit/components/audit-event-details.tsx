import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { auditEventQueryOptions } from '../../../api/endpoints/audit.queries';
import type { AuditEvent } from '../../../api/schemas/audit';
import { Button } from '../../../components/ui/button';
import { ErrorState } from '../../../components/ui/error-state';
import { auditSentence } from '../model/audit-sentence';
import { EventJson } from './event-json';

function EventInFull({ event }: { event: AuditEvent }) {
  return (
    <>
      <p className="text-sm">{auditSentence(event)}</p>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-2 gap-y-0.5">
        <dt className="text-slate-600">When</dt>
        <dd>{event.at}</dd>
        <dt className="text-slate-600">Who</dt>
        <dd>
          {event.actor.name} ({event.actor.role}, {event.actor.id})
        </dd>
        <dt className="text-slate-600">Action</dt>
        <dd className="font-mono">{event.action}</dd>
        <dt className="text-slate-600">Subject</dt>
        <dd>
          {event.subject.type === 'item' ? (
            <Link
              to="/items/$itemId"
              params={{ itemId: event.subject.id }}
              className="font-mono text-sky-800 underline"
            >
              {event.subject.id}
            </Link>
          ) : (
            <span className="font-mono">
              {event.subject.type} {event.subject.id}
            </span>
          )}
        </dd>
      </dl>
      <EventJson event={event} />
    </>
  );
}

/** One event in full: its sentence, who and what, and its canonical JSON with its hashes. */
export function AuditEventDetails({ seq, onClose }: { seq: number; onClose: () => void }) {
  const event = useQuery(auditEventQueryOptions(seq));
  return (
    <section
      aria-labelledby="event-details-heading"
      className="max-h-80 shrink-0 space-y-2 overflow-auto rounded-md border border-slate-300 bg-white p-3 text-xs"
    >
      <div className="flex items-center justify-between">
        <h2 id="event-details-heading" className="text-sm font-semibold">
          Event {seq}
        </h2>
        <Button variant="quiet" onClick={onClose}>
          Close
        </Button>
      </div>
      {event.isError && (
        <ErrorState
          title={`Could not load event ${seq}`}
          error={event.error}
          onRetry={() => void event.refetch()}
        />
      )}
      {event.data === null && <p>The log holds no event {seq}.</p>}
      {event.data && <EventInFull event={event.data} />}
    </section>
  );
}
