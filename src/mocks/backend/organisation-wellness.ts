import type { OrganisationWellness } from '../../api/schemas/wellness';

/**
 * The demo organisation's wellness defaults: blur and grayscale on every preview,
 * reveals blur again after 10 s, a 15-minute exposure budget per 8-hour shift, previews locked
 * after 5 idle minutes. Fixed: a real deployment's administrators would set these.
 */
export const organisationWellness: OrganisationWellness = {
  blurStrength: 3,
  grayscale: true,
  reblurSeconds: 10,
  safeMode: false,
  exposureBudgetSeconds: 15 * 60,
  shiftHours: 8,
  idleLockMinutes: 5,
};
