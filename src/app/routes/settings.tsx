import { getRouteApi } from '@tanstack/react-router';
import { WellnessSettings } from '../../features/wellness/public';

const route = getRouteApi('/_signed-in/settings');

/** Everyone's settings: wellness preferences for previews, and the keyboard. */
export function SettingsRoute() {
  const { user } = route.useRouteContext();
  return <WellnessSettings user={user} />;
}
