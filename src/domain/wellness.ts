import { z } from '../lib/zod';
import {
  BlurStrength,
  blurStrengths,
  wellnessBounds,
  type OrganisationWellness,
} from '../api/schemas/wellness';

/**
 * How one analyst views media: the organisation's defaults (from the API) made safer by their own
 * choices (kept in their browser). The rule — a user's choice only ever makes viewing safer — is
 * `effectiveWellness`; the settings page offers exactly the values `wellnessLimits` allows.
 */
export interface Wellness {
  blurStrength: BlurStrength;
  grayscale: boolean;
  reblurSeconds: number;
  safeMode: boolean;
  exposureBudgetSeconds: number;
  shiftHours: number;
  /** Null: previews never lock when idle. */
  idleLockMinutes: number | null;
}

/** What an analyst chose; a field left out (or undefined) follows the organisation. */
export type UserWellness = { [K in keyof Wellness]?: Wellness[K] | undefined };

/** An analyst's stored choices, as read back from the browser: each field checked on its own. */
const UserWellnessFields = z.object({
  blurStrength: BlurStrength,
  grayscale: z.boolean(),
  reblurSeconds: z.int(),
  safeMode: z.boolean(),
  exposureBudgetSeconds: z.int(),
  shiftHours: z.int(),
  idleLockMinutes: z.nullable(z.int()),
});

/**
 * The valid fields of whatever was stored (another version of the console, a hand edit): one bad
 * field falls back to the organisation's value, not all of them. Out-of-range numbers are kept
 * here and clamped by `effectiveWellness`.
 */
export function parseUserWellness(raw: unknown): UserWellness {
  const record = z.record(z.string(), z.unknown()).safeParse(raw);
  if (!record.success) return {};
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(UserWellnessFields.shape)) {
    const field = schema.safeParse(record.data[key]);
    if (field.success) valid[key] = field.data;
  }
  return z.partial(UserWellnessFields).parse(valid);
}

interface Range {
  min: number;
  max: number;
}

/** The values an analyst may choose under this organisation's defaults, and which are fixed. */
export interface WellnessLimits {
  blurStrength: { min: BlurStrength; max: BlurStrength };
  /** The organisation keeps grayscale on: nobody may turn it off. */
  grayscaleFixed: boolean;
  reblurSeconds: Range;
  /** The organisation has safe mode on: nobody may turn it off. */
  safeModeFixed: boolean;
  exposureBudgetSeconds: Range;
  shiftHours: Range;
  idleLockMinutes: Range & { mayTurnOff: boolean };
}

export function wellnessLimits(org: OrganisationWellness): WellnessLimits {
  const { reblurSeconds, exposureBudgetSeconds, shiftHours, idleLockMinutes } = wellnessBounds;
  return {
    blurStrength: { min: org.blurStrength, max: 5 },
    grayscaleFixed: org.grayscale,
    // Shorter reveals are safer: at most the organisation's.
    reblurSeconds: { min: reblurSeconds.min, max: org.reblurSeconds },
    safeModeFixed: org.safeMode,
    // A smaller budget suggests a break sooner: at most the organisation's.
    exposureBudgetSeconds: { min: exposureBudgetSeconds.min, max: org.exposureBudgetSeconds },
    // A longer shift renews the budget less often: at least the organisation's.
    shiftHours: { min: org.shiftHours, max: shiftHours.max },
    // Locking sooner is safer; with no organisation-wide lock, none is allowed too.
    idleLockMinutes: {
      min: idleLockMinutes.min,
      max: org.idleLockMinutes ?? idleLockMinutes.max,
      mayTurnOff: org.idleLockMinutes === null,
    },
  };
}

/** The chosen value kept within the range; no usable choice → the organisation's value. */
function within(chosen: number | undefined, fallback: number, range: Range): number {
  const value = chosen !== undefined && Number.isFinite(chosen) ? Math.round(chosen) : fallback;
  return Math.min(range.max, Math.max(range.min, value));
}

/**
 * The settings previews obey: the organisation's defaults, made safer — never less safe — by the
 * analyst's choices. A choice beyond what the organisation allows is held at its limit (it may
 * have been made before the organisation tightened its defaults).
 */
export function effectiveWellness(user: UserWellness, org: OrganisationWellness): Wellness {
  const limits = wellnessLimits(org);
  const blur = within(user.blurStrength, org.blurStrength, limits.blurStrength);
  const idle = user.idleLockMinutes === undefined ? org.idleLockMinutes : user.idleLockMinutes;
  return {
    blurStrength: blurStrengths.find((level) => level === blur) ?? org.blurStrength,
    grayscale: org.grayscale || (user.grayscale ?? false),
    reblurSeconds: within(user.reblurSeconds, org.reblurSeconds, limits.reblurSeconds),
    safeMode: org.safeMode || (user.safeMode ?? false),
    exposureBudgetSeconds: within(
      user.exposureBudgetSeconds,
      org.exposureBudgetSeconds,
      limits.exposureBudgetSeconds,
    ),
    shiftHours: within(user.shiftHours, org.shiftHours, limits.shiftHours),
    idleLockMinutes:
      idle === null && limits.idleLockMinutes.mayTurnOff
        ? null
        : within(idle ?? undefined, limits.idleLockMinutes.max, limits.idleLockMinutes),
  };
}
