import { reviewerRoles } from '../../../api/endpoints/endpoint';
import type { Role } from '../../../api/schemas/user';

/**
 * The pages only some roles may open, what each is for and who may open it: the API's rules, said
 * to a person who opens one anyway (a shared link, an old bookmark) instead of sending them
 * elsewhere without a word.
 */
export type RestrictedPage = 'audit' | 'insights' | 'queue';

export interface PageAccess {
  title: string;
  /** What the page is, completing “This page holds …”. */
  holds: string;
  roles: readonly Role[];
}

export const restrictedPages: Record<RestrictedPage, PageAccess> = {
  audit: {
    title: 'Audit log',
    holds:
      'the tamper-evident record of every decision, view, reveal and report change, with chain verification and exports',
    roles: ['auditor', 'supervisor'],
  },
  insights: {
    title: 'Insights',
    holds:
      'rule precision, supplier provenance, review agreement, flow and exposure across the team',
    roles: ['supervisor'],
  },
  queue: {
    title: 'Queue workspace',
    holds: 'the triage workspace where a queue’s items are claimed and decided',
    roles: reviewerRoles,
  },
};

export const mayOpen = (page: RestrictedPage, role: Role) =>
  restrictedPages[page].roles.includes(role);

const plurals: Record<Role, string> = {
  analyst: 'analysts',
  supervisor: 'supervisors',
  auditor: 'auditors',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `['auditor', 'supervisor']` → “Auditors and supervisors”. */
export function rolesInWords(roles: readonly Role[]): string {
  const words = roles.map((role) => plurals[role]);
  const last = words.pop();
  if (last === undefined) return 'Nobody';
  return capitalised(words.length === 0 ? last : `${words.join(', ')} and ${last}`);
}

const articled = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

/** Why this role cannot open the page, and who can: “You are signed in as an analyst, …”. */
export const whyNot = (page: RestrictedPage, role: Role) =>
  `You are signed in as ${articled(role)}, and ${plurals[role]} cannot open it. ${rolesInWords(restrictedPages[page].roles)} can.`;
