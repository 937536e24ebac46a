import type { ReactNode } from 'react';
import type { FlaggedItem } from '../../../api/schemas/item';
import { DefangedUrl } from '../../../components/ui/defanged-url';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import {
  actionabilityScore,
  provenanceChecklist,
  type ChecklistEntry,
  type ChecklistEntryId,
} from '../../../domain/provenance-checklist';
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

/**
 * Where the item came from — supplier → dataset → batch → source → crawl → custody — with each
 * field a CyberTipline report needs marked present or missing. Every third-party string is text;
 * URLs are defanged and never fetched.
 */
export function ProvenancePanel({ item }: { item: FlaggedItem }) {
  const { supplier, dataset, acquisition, origin, custody } = item.provenance;
  const entries = provenanceChecklist(item);
  const byId = (id: ChecklistEntryId) => entries.find((e) => e.id === id);
  const subject = { type: 'item', id: item.id } as const;
  const score = actionabilityScore(entries);
  const missing = entries.filter((e) => !e.present);

  const rows: [string, ReactNode, ChecklistEntryId | null][] = [
    [
      'Supplier',
      <>
        {supplier.name}{' '}
        {supplier.contractRef ? `(${supplier.contractRef})` : '(no contract reference)'}
      </>,
      'supplier',
    ],
    ['Dataset', dataset ? `${dataset.name} ${dataset.version ?? '(no version)'}` : null, 'dataset'],
    [
      'Acquisition',
      `${acquisition.method.replace('_', ' ')}${acquisition.acquiredAt ? ` · ${acquisition.acquiredAt}` : ''}`,
      null,
    ],
    [
      'Batch · record',
      acquisition.batchId || acquisition.recordId
        ? `${acquisition.batchId ?? '—'} · ${acquisition.recordId ?? '—'}`
        : null,
      'batch_or_record',
    ],
    ['Manifest', acquisition.manifestRef, null],
    ['Crawl snapshot', acquisition.crawlSnapshot, null],
    [
      'Source URLs',
      origin.sourceUrls.length > 0 ? (
        <ul className="space-y-1">
          {origin.sourceUrls.map((url, i) => (
            <li key={`${i}-${url}`}>
              <DefangedUrl url={url} subject={subject} />
            </li>
          ))}
        </ul>
      ) : null,
      'source_url',
    ],
    [
      'Page',
      origin.pageUrl ? <DefangedUrl url={origin.pageUrl} subject={subject} /> : null,
      'page_url',
    ],
    ['Page title', origin.pageTitle ? <UntrustedText text={origin.pageTitle} /> : null, null],
    ['Crawled', origin.crawledAt, 'acquisition_date'],
    [
      'HTTP status at crawl',
      origin.httpStatus === null ? null : String(origin.httpStatus),
      'publicly_available',
    ],
    ['Server IP', origin.hostIp, 'host_ip'],
    [
      'Uploader',
      origin.uploader ? (
        <>
          <UntrustedText text={origin.uploader.accountName} />
          {origin.uploader.profileUrl && (
            <div>
              <DefangedUrl url={origin.uploader.profileUrl} subject={subject} />
            </div>
          )}
          {origin.uploader.ipAddress && <div>from {origin.uploader.ipAddress}</div>}
        </>
      ) : null,
      'uploader',
    ],
    ['License', origin.license ? <UntrustedText text={origin.license} /> : null, null],
    [
      'File name',
      item.media.fileName ? <UntrustedText text={item.media.fileName} /> : null,
      'original_file_name',
    ],
    [
      'Hash as obtained',
      item.media.originalHash ? (
        <span className="font-mono text-xs break-all">
          {item.media.originalHash.algorithm} {item.media.originalHash.value}
        </span>
      ) : null,
      'original_hash',
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
      <dl className="grid grid-cols-[minmax(7rem,auto)_1fr_auto] gap-x-3 gap-y-1.5 text-sm">
        {rows.map(([label, value, entryId]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="min-w-0">{orMissing(value)}</dd>
            <dd>{entryId ? <Marker entry={byId(entryId)} /> : null}</dd>
          </div>
        ))}
      </dl>
      <CustodyTimeline events={custody} />
    </section>
  );
}
