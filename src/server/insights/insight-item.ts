import { FlaggedItem, Media, Provenance } from '../../api/schemas/item';
import { z } from '../../lib/zod';

/**
 * What the insights read of an item: its state and times, its signals, its hashes, and what the
 * provenance checklist reads (its provenance but the custody chain). Not its lease, custody,
 * EXIF or preview: at 100,000 items, reading each whole was most of the page's time. A whole
 * `FlaggedItem` is one.
 */
export const InsightItem = z.extend(
  z.pick(FlaggedItem, { id: true, status: true, flaggedAt: true, slaDueAt: true, signals: true }),
  {
    media: z.pick(Media, {
      sha256: true,
      md5: true,
      pdq: true,
      originalHash: true,
      fileName: true,
    }),
    provenance: z.omit(Provenance, { custody: true }),
  },
);
export type InsightItem = z.infer<typeof InsightItem>;
