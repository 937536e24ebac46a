import { getRouteApi } from '@tanstack/react-router';
import { ItemTimeline } from '../../features/audit/public';
import { canReadAudit, canTriage } from '../../features/session/public';
import { ItemReports } from '../../features/reports/public';
import { ItemView } from '../../features/triage/public';
import { WellnessMonitor } from '../../features/wellness/public';

const route = getRouteApi('/_signed-in/items/$itemId');

export function ItemRoute() {
  const { itemId } = route.useParams();
  const { user } = route.useRouteContext();
  return (
    <main className="p-6">
      {canTriage(user.role) && <WellnessMonitor userId={user.id} className="mb-4" />}
      <ItemView
        itemId={itemId}
        reviewer={canTriage(user.role)}
        supervisor={user.role === 'supervisor'}
        userId={user.id}
      />
      <ItemReports itemId={itemId} />
      {/* Keyed by item: a choice to read one item's timeline never carries over to the next. */}
      {canReadAudit(user.role) && <ItemTimeline key={itemId} itemId={itemId} />}
    </main>
  );
}
