import { getRouteApi, type AsyncRouteComponent } from '@tanstack/react-router';
import { ForbiddenPage, mayOpen, type RestrictedPage } from '../../features/session/public';

const signedIn = getRouteApi('/_signed-in');

/**
 * A page only some roles may open: for them its (lazily loaded) component, for anyone else a page
 * that says what it is and who can open it, at the address they opened. The component's preload
 * is kept, so hovering a link still fetches its code ahead.
 */
export function guardedPage(page: RestrictedPage, Page: AsyncRouteComponent<object>) {
  function Guarded() {
    const { user } = signedIn.useRouteContext();
    return mayOpen(page, user.role) ? <Page /> : <ForbiddenPage page={page} role={user.role} />;
  }
  const { preload } = Page;
  return preload ? Object.assign(Guarded, { preload }) : Guarded;
}
