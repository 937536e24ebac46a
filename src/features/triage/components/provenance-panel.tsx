import type { ReactNode } from 'react';
import type { FlaggedItem } from '../../../api/schemas/item';
import { DefangedUrl } from '../../../components/ui/defanged-url';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import {
  acquisitionTime,
  actionabilityScore,
  provenanceChecklist,
  uploaderNamed,
  type ChecklistEntry,
  type ChecklistEntryId,
} from '../../../domain/provenance-checklist';
import { filled } from '../../../domain/usable-value';
import { CustodyTimeline } from './custody-timeline';

function Marker({ entry }: { entry: ChecklistEntry | undefined }) {
  if (!entry) return null;
  return entry.present ? (
    <span className="text-emerald-700" title={`Report field ${entry.reportField}`}>
      ✓<span className="sr-only"> present</span>
    </span>
  ) : (
    <span
      className="rounded bg-red-100 px-1 text-xs font-medium text-red-900"
      title={`Report field ${entry.reportField}`}
    >
      missing
    </span>
  );
}

const orMissing = (value: ReactNode | null | undefined) =>
  value ?? <span className="text-slate-500">—</span>;

/** Third-party text, shown only when it holds a usable value (the checklist's rule). */
const untrustedOrNull = (text: string | null | undefined) =>
  filled(text) ? <UntrustedText text={text} /> : null;

/**
 * Where the item came from — supplier → dataset → batch → source → crawl → custody — with each
 * field a CyberTipline report needs marked present or missing beside the value the checklist
 * counted: a field with no usable value shows “—” and is never ticked. Every third-party string is
 * text; URLs are defanged and never fetched.
 */
export function ProvenancePanel({ item }: { item: FlaggedItem }) {
  const { supplier, dataset, acquisition, origin, custody } = item.provenance;
  const entries = provenanceChecklist(item);
  const byId = (id: ChecklistEntryId) => entries.find((e) => e.id === id);
  const subject = { type: 'item', id: item.id } as const;
  const score = actionabilityScore(entries);
  const missing = entries.filter((e) => !e.present);
  const when = acquisitionTime(item);
  const sourceUrls = origin.sourceUrls.filter(filled);

  const rows: [string, ReactNode, ChecklistEntryId | null][] = [
    [
      'Supplier',
      <>
        {supplier.name}{' '}
        {supplier.contractRef ? `(${supplier.contractRef})` : '(no contract reference)'}
      </>,
      'supplier',
    ],
    [
      'Dataset',
      dataset
        ? `${dataset.name} ${filled(dataset.version) ? dataset.version : '(no version)'}`
        : null,
      'dataset',
    ],
    [
      'Acquisition',
      `${acquisition.method.replace('_', ' ')}${acquisition.acquiredAt ? ` · ${acquisition.acquiredAt}` : ''}`,
      null,
    ],
    [
      'Batch · record',
      filled(acquisition.batchId) || filled(acquisition.recordId)
        ? `${filled(acquisition.batchId) ? acquisition.batchId : '—'} · ${filled(acquisition.recordId) ? acquisition.recordId : '—'}`
        : null,
      'batch_or_record',
    ],
    ['Manifest', acquisition.manifestRef, null],
    ['Crawl snapshot', acquisition.crawlSnapshot, null],
    [
      'Source URLs',
      sourceUrls.length > 0 ? (
        <ul className="space-y-1">
          {sourceUrls.map((url, i) => (
            <li key={`${i}-${url}`}>
              <DefangedUrl url={url} subject={subject} />
            </li>
          ))}
        </ul>
      ) : null,
      'location_of_file',
    ],
    [
      'Page',
      filled(origin.pageUrl) ? <DefangedUrl url={origin.pageUrl} subject={subject} /> : null,
      'web_page_url',
    ],
    ['Page title', untrustedOrNull(origin.pageTitle), null],
    ['Crawl or acquisition time', when && `${when.at} (${when.kind})`, 'incident_date'],
    [
      'HTTP status at crawl',
      origin.httpStatus === null ? null : String(origin.httpStatus),
      'publicly_available',
    ],
    ['Server IP', filled(origin.hostIp) ? origin.hostIp : null, 'ip_capture'],
    [
      'Uploader',
      origin.uploader && (uploaderNamed(item) || filled(origin.uploader.ipAddress)) ? (
        <>
          {untrustedOrNull(origin.uploader.accountName)}
          {filled(origin.uploader.profileUrl) && (
            <div>
              <DefangedUrl url={origin.uploader.profileUrl} subject={subject} />
            </div>
          )}
          {filled(origin.uploader.ipAddress) && <div>from {origin.uploader.ipAddress}</div>}
        </>
      ) : null,
      'reported_person',
    ],
    ['License', untrustedOrNull(origin.license), null],
    ['File name', untrustedOrNull(item.media.fileName), 'original_file_name'],
    [
      'Hash as obtained',
      item.media.originalHash && filled(item.media.originalHash.value) ? (
        <span className="font-mono text-xs break-all">
          {item.media.originalHash.algorithm} {item.media.originalHash.value}
        </span>
      ) : null,
      'original_file_hash',
    ],
  ];

  return (
    <section aria-labelledby="provenance-heading" className="space-y-3">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="provenance-heading" className="text-sm font-semibold text-slate-700">
          Provenance
        </h2>
        <span className="text-xs text-slate-700">
          Report fields: {score.present} of {score.total} present
        </span>
      </div>
      {missing.length > 0 && (
        <p className="text-xs text-red-900">Missing: {missing.map((e) => e.label).join(', ')}</p>
      )}
      <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-3 gap-y-1.5 text-sm">
        {rows.map(([label, value, entryId]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="flex min-w-0 items-start justify-between gap-3">
              <div className="min-w-0">{orMissing(value)}</div>
              {entryId ? <Marker entry={byId(entryId)} /> : null}
            </dd>
          </div>
        ))}
      </dl>
      <CustodyTimeline events={custody} />
    </section>
  );
}
