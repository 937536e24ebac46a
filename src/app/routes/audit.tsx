import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { auditPageQueryOptions } from '../../api/endpoints/audit.queries';
import {
  AuditEventDetails,
  AuditExport,
  AuditFilters,
  AuditTable,
  BlindReviewNote,
  filterOf,
  VerifyPanel,
} from '../../features/audit/public';

const route = getRouteApi('/_signed-in/audit');

/**
 * The audit log (auditors and supervisors): filters in the URL, the table, verification, and the
 * event shown in full (also in the URL, so a broken link of the chain can be pointed at).
 */
export function AuditRoute() {
  const search = route.useSearch();
  const filter = filterOf(search);
  const { user } = route.useRouteContext();
  const navigate = route.useNavigate();
  const first = useQuery(auditPageQueryOptions(filter, 0));
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const showEvent = (event: number | undefined) =>
    void navigate({ search: (prev) => ({ ...prev, event }), replace: true });
  return (
    <main className="flex h-[calc(100vh-3.5rem)] flex-col gap-3 overflow-y-auto p-4">
      <h1 className="text-xl font-semibold">Audit log</h1>
      {user.role === 'supervisor' && <BlindReviewNote />}
      <AuditFilters
        key={JSON.stringify(filter)}
        search={filter}
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
      <AuditExport search={filter} />
      <AuditTable filter={filter} selected={search.event} onSelect={showEvent} />
      {search.event !== undefined && (
        <AuditEventDetails seq={search.event} onClose={() => showEvent(undefined)} />
      )}
    </main>
  );
}
