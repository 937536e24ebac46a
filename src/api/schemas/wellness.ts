import { z } from '../../lib/zod';
import { Id, Timestamp } from './common';

/**
 * The bounds every wellness setting keeps, the organisation's and each analyst's alike. The
 * organisation's values are the least safe anyone may view with; an analyst may only go safer
 * (src/domain/wellness.ts).
 */
export const wellnessBounds = {
  /** The reveal blurs again by itself after this many seconds (about ten; docs/safety-rules.md). */
  reblurSeconds: { min: 3, max: 30 },
  /** Revealed seconds per shift before a break is suggested. */
  exposureBudgetSeconds: { min: 60, max: 4 * 3600 },
  shiftHours: { min: 1, max: 24 },
  idleLockMinutes: { min: 1, max: 120 },
} as const;

/** Blur drawn on top of the server's own blur: 1 (lightest) to 5 (strongest). */
export const BlurStrength = z.literal([1, 2, 3, 4, 5]).register(z.globalRegistry, {
  id: 'BlurStrength',
  description: 'CSS blur on the blurred preview: 1 lightest, 5 strongest.',
});
export type BlurStrength = z.infer<typeof BlurStrength>;
export const blurStrengths = [1, 2, 3, 4, 5] as const satisfies readonly BlurStrength[];

const bounded = (bounds: { min: number; max: number }) =>
  z.int().check(z.gte(bounds.min), z.lte(bounds.max));

export const OrganisationWellness = z
  .object({
    blurStrength: BlurStrength.clone().register(z.globalRegistry, {
      description: 'The least blur anyone views a blurred preview with; analysts may blur more.',
    }),
    grayscale: z.boolean().register(z.globalRegistry, {
      description: 'Grayscale on previews for everyone; when false, each analyst chooses.',
    }),
    reblurSeconds: bounded(wellnessBounds.reblurSeconds).register(z.globalRegistry, {
      description: 'The longest a reveal lasts before it blurs again; analysts may choose less.',
    }),
    safeMode: z.boolean().register(z.globalRegistry, {
      description:
        'No previews for anyone (hashes and metadata only); when false, each analyst chooses.',
    }),
    exposureBudgetSeconds: bounded(wellnessBounds.exposureBudgetSeconds).register(
      z.globalRegistry,
      {
        description:
          'Revealed seconds per shift after which a break is suggested; analysts may choose less.',
      },
    ),
    shiftHours: bounded(wellnessBounds.shiftHours).register(z.globalRegistry, {
      description:
        'A shift runs this long from the person’s first reveal when none is running (kept on the server: `getExposureShift`); the exposure budget starts afresh with each shift. Analysts may choose longer, never shorter.',
    }),
    idleLockMinutes: z
      .nullable(bounded(wellnessBounds.idleLockMinutes))
      .register(z.globalRegistry, {
        description:
          'Previews are hidden behind a lock screen after this many idle minutes; analysts may choose fewer. Null: no organisation-wide lock (analysts may set one).',
      }),
  })
  .register(z.globalRegistry, {
    id: 'OrganisationWellness',
    description:
      'The organisation’s wellness defaults for viewing media. Each is also the least safe value an analyst may choose: their own settings (kept in their browser) may only make viewing safer.',
  });
export type OrganisationWellness = z.infer<typeof OrganisationWellness>;

/** In a query the number comes as text; in a body, as a number. */
const shiftHoursChoice = (number: z.ZodMiniNumber) =>
  z
    .optional(
      number.check(
        z.int(),
        z.gte(wellnessBounds.shiftHours.min),
        z.lte(wellnessBounds.shiftHours.max),
      ),
    )
    .register(z.globalRegistry, {
      description:
        'The person’s chosen shift length; raised to the organisation’s `shiftHours` when shorter (a shorter shift would renew the budget sooner). Default: the organisation’s.',
    });

export const ExposureShiftQuery = z
  .object({ shiftHours: shiftHoursChoice(z.coerce.number()) })
  .register(z.globalRegistry, { id: 'ExposureShiftQuery' });
export type ExposureShiftQuery = z.infer<typeof ExposureShiftQuery>;

export const ExposureShift = z
  .object({
    userId: Id,
    shiftHours: bounded(wellnessBounds.shiftHours).register(z.globalRegistry, {
      description: 'The shift length the figure was computed with.',
    }),
    startedAt: z.nullable(Timestamp).register(z.globalRegistry, {
      description:
        'The running shift’s first reveal; null when none runs (the next reveal starts one).',
    }),
    endsAt: z
      .nullable(Timestamp)
      .register(z.globalRegistry, { description: '`startedAt` plus `shiftHours`.' }),
    reveals: z.int().check(z.nonnegative()),
    revealedSeconds: z.number().check(z.nonnegative()).register(z.globalRegistry, {
      description:
        'Each reveal of the shift from its start to its recorded end; one not yet ended counts until now, at most the organisation’s `reblurSeconds`.',
    }),
    breakDismissed: z.boolean().register(z.globalRegistry, {
      description: 'The person dismissed the break prompt during this shift.',
    }),
    asOf: Timestamp.clone().register(z.globalRegistry, {
      description: 'The server’s clock when this was computed.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'ExposureShift',
    description:
      'One person’s exposure this shift, from every reveal the server recorded, in any browser or session. A shift starts at the first reveal when none runs and lasts `shiftHours`; signing in, a session ending or another browser does not start one.',
  });
export type ExposureShift = z.infer<typeof ExposureShift>;

export const BreakDismissal = z
  .object({
    shiftStartedAt: Timestamp.clone().register(z.globalRegistry, {
      description: 'The `startedAt` of the shift whose break prompt is dismissed.',
    }),
    shiftHours: shiftHoursChoice(z.number()),
  })
  .register(z.globalRegistry, { id: 'BreakDismissal' });
export type BreakDismissal = z.infer<typeof BreakDismissal>;
