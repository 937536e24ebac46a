import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { auditPageQueryOptions } from '../../api/queries/audit';
import { AuditExport } from '../../features/audit/components/audit-export';
import { AuditFilters } from '../../features/audit/components/audit-filters';
import { AuditTable } from '../../features/audit/components/audit-table';
import { BlindReviewNote } from '../../features/audit/components/blind-review-note';
import { VerifyPanel } from '../../features/audit/components/verify-panel';

const route = getRouteApi('/_signed-in/audit');

/** The audit log (auditors and supervisors): filters in the URL, the table, verification. */
export function AuditRoute() {
  const search = route.useSearch();
  const { user } = route.useRouteContext();
  const navigate = route.useNavigate();
  const first = useQuery(auditPageQueryOptions(search, 0));
  const filtered = Object.values(search).some((v) => v !== undefined);
  return (
    <main className="flex h-[calc(100vh-3.5rem)] flex-col gap-3 p-4">
      <h1 className="text-xl font-semibold">Audit log</h1>
      {user.role === 'supervisor' && <BlindReviewNote />}
      <AuditFilters
        key={JSON.stringify(search)}
        search={search}
        onChange={(next) => void navigate({ search: next })}
      />
      {first.data && (
        <VerifyPanel
          // A result belongs to the range it checked: a new range starts afresh.
          key={JSON.stringify(filtered ? first.data.seqRange : null)}
          head={first.data.head}
          filterRange={filtered ? first.data.seqRange : null}
          userId={user.id}
        />
      )}
      <AuditExport search={search} />
      <AuditTable filter={search} />
    </main>
  );
}
