import { getRouteApi } from '@tanstack/react-router';
import { QueueDashboard } from '../../features/queues/public';
import { canTriage } from '../../features/session/public';
import { MyEscalations } from '../../features/triage/public';

const route = getRouteApi('/_signed-in/');

export function DashboardRoute() {
  const { user } = route.useRouteContext();
  const reviewer = canTriage(user.role);
  return <QueueDashboard showHeld={reviewer}>{reviewer && <MyEscalations />}</QueueDashboard>;
}
