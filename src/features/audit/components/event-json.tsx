import { auditHashInput } from '../../../api/audit-canonical';
import type { AuditEvent } from '../../../api/schemas/audit';

/**
 * An event's full canonical JSON — the exact text its hash is the SHA-256 of — with the hash and
 * the link to the event before it. Shown as text, never as markup.
 */
export function EventJson({ event }: { event: AuditEvent }) {
  return (
    <div className="space-y-1">
      <pre
        aria-label={`Canonical JSON of event ${event.seq}`}
        className="rounded bg-slate-50 p-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-800"
      >
        {auditHashInput(event)}
      </pre>
      <p className="font-mono text-xs break-all text-slate-600">
        hash {event.hash}
        <br />
        links to {event.prevHash}
      </p>
    </div>
  );
}
