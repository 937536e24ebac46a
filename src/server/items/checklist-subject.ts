import { sql } from 'kysely';
import { Media, Provenance } from '../../api/schemas/item';
import type { ChecklistSubject } from '../../domain/provenance-checklist';
import { z } from '../../lib/zod';

/** What the provenance checklist reads of an item (`ChecklistSubject`), as the database gives it. */
export const ChecklistSubjectRow = z.object({
  media: z.pick(Media, { originalHash: true, fileName: true }),
  provenance: z.omit(Provenance, { custody: true }),
});

/**
 * The item's checklist subject as one JSON value, read only when the item's column `kept` is null
 * (it was stored before items kept that): a reader that needs what the item keeps checks its
 * provenance instead. The query joins `items` with `provenance`.
 */
export const checklistSubjectWithout = (kept: 'completeness_timeless' | 'completeness_entries') =>
  sql`case when ${sql.ref(`items.${kept}`)} is null then json_build_object(
    'media', json_build_object(
      'originalHash', items.media -> 'originalHash', 'fileName', items.media -> 'fileName'),
    'provenance', json_build_object('supplier', provenance.supplier,
      'dataset', provenance.dataset, 'acquisition', provenance.acquisition,
      'origin', provenance.origin)) end`;

/** The subject read for an item that keeps nothing, or an error: the query did not read it. */
export function subjectOf(id: string, subject: ChecklistSubject | null): ChecklistSubject {
  if (subject === null)
    throw new Error(`${id} keeps no completeness and its provenance was not read`);
  return subject;
}
