import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import {
  AUDIT_PAGE_SIZE,
  auditPageQueryOptions,
  type AuditFilter,
} from '../../../api/endpoints/audit.queries';
import type { AuditEvent } from '../../../api/schemas/audit';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { formatCount } from '../../../lib/format-count';
import { usePagedVirtualRows } from '../../../shared/paged-rows/api/use-paged-virtual-rows';
import { auditSentence } from '../model/audit-sentence';

const ROW_HEIGHT = 44;
const columns = 'grid grid-cols-[4rem_11rem_1fr_9rem_6rem_4.5rem] gap-2';

function Subject({ subject }: { subject: AuditEvent['subject'] }) {
  if (subject.type === 'item')
    return (
      <Link
        to="/items/$itemId"
        params={{ itemId: subject.id }}
        className="font-mono text-sky-800 hover:underline"
      >
        {subject.id}
      </Link>
    );
  return (
    <span className="font-mono">
      {subject.type} {subject.id}
    </span>
  );
}

/**
 * The audit log as a virtualized table: only the rows in view are in the DOM, and only the pages
 * that hold them are fetched, by position. Each row says what happened in a sentence; its subject
 * opens it, and “Details” shows the event in full with its canonical JSON. The event chosen in the
 * URL is marked, and scrolled to when the log is unfiltered (where its position is its seq − 1).
 */
export function AuditTable({
  filter,
  selected,
  onSelect,
}: {
  filter: AuditFilter;
  selected: number | undefined;
  onSelect: (seq: number) => void;
}) {
  const {
    scrollRef,
    first,
    total,
    virtualizer,
    virtualRows,
    rowAt: eventAt,
  } = usePagedVirtualRows({
    pageQuery: (page) => auditPageQueryOptions(filter, page),
    rowsOf: (page) => page.events,
    pageSize: AUDIT_PAGE_SIZE,
    rowHeight: ROW_HEIGHT,
    overscan: 10,
  });
  const unfiltered = Object.values(filter).every((v) => v === undefined);
  useEffect(() => {
    if (selected !== undefined && unfiltered && selected <= total)
      virtualizer.scrollToIndex(selected - 1, { align: 'auto' });
  }, [selected, unfiltered, total, virtualizer]);

  if (first.isPending) return <LoadingState label="Loading the audit log…" />;
  if (first.isError)
    return (
      <ErrorState
        title="Could not load the audit log"
        error={first.error}
        onRetry={() => void first.refetch()}
      />
    );
  return (
    <>
      <p role="status" className="text-sm text-slate-700">
        {formatCount(total)} events
      </p>
      <div
        role="table"
        aria-label="Audit events"
        aria-rowcount={total + 1}
        className="flex min-h-72 flex-1 flex-col text-xs"
      >
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className={`${columns} border-b border-slate-300 px-2 py-1 font-semibold text-slate-600`}
          >
            {['Seq', 'When', 'What happened', 'Subject', 'Hash', 'Event'].map((name) => (
              <span role="columnheader" key={name}>
                {name}
              </span>
            ))}
          </div>
        </div>
        <div
          ref={scrollRef}
          role="rowgroup"
          tabIndex={0}
          aria-label="Events (scrolls)"
          className="min-h-0 flex-1 overflow-auto rounded-md border border-slate-200 bg-white"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualRows.map((virtualRow) => {
              const event = eventAt(virtualRow.index);
              return (
                <div
                  key={virtualRow.key}
                  role="row"
                  aria-rowindex={virtualRow.index + 2}
                  aria-current={event?.seq === selected ? 'true' : undefined}
                  className={`${columns} absolute left-0 w-full items-center border-b border-slate-100 px-2 ${
                    event && event.seq === selected ? 'bg-sky-50' : ''
                  }`}
                  style={{
                    height: virtualRow.size,
                    transform: `translateY(${virtualRow.start}px)`,
                  }}
                >
                  {event ? (
                    <>
                      <span role="cell" className="tabular-nums">
                        {event.seq}
                      </span>
                      <span role="cell">{event.at}</span>
                      <span role="cell" className="line-clamp-2" title={auditSentence(event)}>
                        {auditSentence(event)}
                      </span>
                      <span role="cell" className="truncate">
                        <Subject subject={event.subject} />
                      </span>
                      <span role="cell" className="truncate font-mono" title={event.hash}>
                        {event.hash.slice(0, 10)}
                      </span>
                      <span role="cell">
                        <button
                          type="button"
                          aria-label={`Details of event ${event.seq}`}
                          aria-pressed={event.seq === selected}
                          onClick={() => onSelect(event.seq)}
                          className="rounded border border-slate-300 px-1.5 text-slate-700 hover:bg-slate-100"
                        >
                          Details
                        </button>
                      </span>
                    </>
                  ) : (
                    <span role="cell" className="text-slate-400">
                      Loading…
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </>
  );
}
