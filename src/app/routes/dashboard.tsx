import { getRouteApi } from '@tanstack/react-router';
import { QueueDashboard } from '../../features/queues/components/queue-dashboard';
import { canTriage } from '../../features/session/model/navigation';

const route = getRouteApi('/_signed-in/');

export function DashboardRoute() {
  const { user } = route.useRouteContext();
  return <QueueDashboard showHeld={canTriage(user.role)} />;
}
