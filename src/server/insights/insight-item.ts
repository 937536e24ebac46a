import type { FlaggedItem, Media, Provenance } from '../../api/schemas/item';
import {
  keptChecklist,
  type ChecklistSubject,
  type KeptEntries,
} from '../../domain/provenance-checklist';

/**
 * What the insights read of an item: its state and times, its signals, its hashes, its supplier
 * and what it keeps of its provenance checklist. Not its provenance itself, nor its lease,
 * custody, EXIF or preview: at 100,000 items, reading each whole was most of the page's time.
 */
export interface InsightItem extends Pick<
  FlaggedItem,
  'id' | 'status' | 'flaggedAt' | 'slaDueAt' | 'signals'
> {
  media: Pick<Media, 'sha256' | 'md5' | 'pdq'>;
  supplier: Pick<Provenance['supplier'], 'id' | 'name'>;
  kept: KeptEntries;
}

/** The insights' view of an item read whole, or of one stored before it kept its entries. */
export const insightItemOf = (
  item: Omit<InsightItem, 'media' | 'supplier' | 'kept'> &
    ChecklistSubject & { media: InsightItem['media'] },
): InsightItem => ({
  id: item.id,
  status: item.status,
  flaggedAt: item.flaggedAt,
  slaDueAt: item.slaDueAt,
  signals: item.signals,
  media: { sha256: item.media.sha256, md5: item.media.md5, pdq: item.media.pdq },
  supplier: { id: item.provenance.supplier.id, name: item.provenance.supplier.name },
  kept: keptChecklist(item),
});
