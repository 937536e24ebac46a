import { endpoints } from '../../../api/endpoints';
import { apiBaseUrl } from '../../../api/env';
import type { AuditSearch } from '../model/audit-search';

const exportUrl = (path: string, search: AuditSearch) => {
  const query = new URLSearchParams(
    Object.entries(search).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key, value]] : [],
    ),
  );
  return `${apiBaseUrl()}${path}${query.size > 0 ? `?${query.toString()}` : ''}`;
};

/**
 * Downloads of the filtered log, streamed by the server (the browser saves it as it arrives):
 * JSON Lines, the record with its hashes (each event's hash checkable offline; the links too
 * when the export is unfiltered); CSV for spreadsheets, formulas neutralised, each row with its
 * canonical JSON. Each export is itself audited.
 */
export function AuditExport({ search }: { search: AuditSearch }) {
  return (
    <p className="flex gap-3 text-sm">
      Export the events shown:
      <a
        href={exportUrl(endpoints.exportAuditCsv.path, search)}
        download
        className="text-sky-800 underline"
      >
        CSV
      </a>
      <a
        href={exportUrl(endpoints.exportAuditJsonl.path, search)}
        download
        className="text-sky-800 underline"
      >
        JSON Lines
      </a>
    </p>
  );
}
