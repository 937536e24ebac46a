import { getRouteApi } from '@tanstack/react-router';
import { QueueDashboard } from '../../features/queues/components/queue-dashboard';
import { canTriage } from '../../features/session/model/navigation';
import { MyEscalations } from '../../features/triage/components/my-escalations';

const route = getRouteApi('/_signed-in/');

export function DashboardRoute() {
  const { user } = route.useRouteContext();
  const reviewer = canTriage(user.role);
  return <QueueDashboard showHeld={reviewer}>{reviewer && <MyEscalations />}</QueueDashboard>;
}
