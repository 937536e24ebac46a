import { reviewerRoles } from '../../../api/endpoints/endpoint';
import { Role } from '../../../api/schemas/user';
import { mayOpen, restrictedPages } from './page-access';

export interface NavigationEntry {
  to: '/' | '/items' | '/reports' | '/audit' | '/insights' | '/settings';
  label: string;
  roles: readonly Role[];
}

/**
 * The console's sections and who may use each (docs/roles.md). A section appears here when its
 * screen exists; later features add theirs.
 */
export const navigationEntries: readonly NavigationEntry[] = [
  { to: '/', label: 'Queues', roles: Role.options },
  { to: '/items', label: 'All items', roles: Role.options },
  { to: '/reports', label: 'Reports', roles: Role.options },
  { to: '/audit', label: 'Audit log', roles: restrictedPages.audit.roles },
  { to: '/insights', label: 'Insights', roles: restrictedPages.insights.roles },
  { to: '/settings', label: 'Settings', roles: Role.options },
];

/** Only supervisors read insights: the API's rule. */
export const canReadInsights = (role: Role) => mayOpen('insights', role);

/** Auditors and supervisors read the audit log; analysts do not: the API's rule. */
export const canReadAudit = (role: Role) => mayOpen('audit', role);

export const navigationFor = (role: Role, entries = navigationEntries) =>
  entries.filter((entry) => entry.roles.includes(role));

export const roleLabels: Record<Role, string> = {
  analyst: 'analyst',
  supervisor: 'supervisor',
  auditor: 'auditor',
};

/** Whether a role works queues (claims and decides items) or only reads them: the API's rule. */
export const canTriage = (role: Role) => reviewerRoles.some((r) => r === role);
