import { getRouteApi } from '@tanstack/react-router';
import { ItemTimeline } from '../../features/audit/components/item-timeline';
import { canReadAudit, canTriage } from '../../features/session/model/navigation';
import { ItemReports } from '../../features/reports/components/item-reports';
import { ItemView } from '../../features/triage/components/item-view';
import { WellnessMonitor } from '../../features/triage/components/wellness-monitor';

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
