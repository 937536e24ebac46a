export { AppHeader } from './components/app-header';
export { ForbiddenPage } from './components/forbidden-page';
export { SignInPage } from './components/sign-in-page';
export { canReadAudit, canTriage } from './model/navigation';
export { mayOpen, type RestrictedPage } from './model/page-access';
export { SignInReason } from './model/sign-in-reason';
