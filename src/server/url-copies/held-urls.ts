import type { Transaction } from 'kysely';
import { z } from '../../lib/zod';
import { Provenance } from '../../api/schemas/item';
import { ReportFile } from '../../api/schemas/report-file';
import type { UrlCopyRequest } from '../../api/schemas/url-copy';
import type { Database } from '../db/tables';

/** Where a subject holds a third-party URL, as the audit event names it. */
export type UrlField = 'source_url' | 'page_url' | 'profile_url' | 'file_location';

interface HeldUrl {
  url: string;
  field: UrlField;
}

const Origin = Provenance.shape.origin;
const FileLocations = z.pick(ReportFile, { locationOfFile: true, otherLocations: true });

/** The third-party URLs an item's provenance holds. */
function originUrls(stored: unknown): HeldUrl[] {
  const origin = Origin.parse(stored);
  const held: HeldUrl[] = origin.sourceUrls.map((url) => ({ url, field: 'source_url' }));
  if (origin.pageUrl) held.push({ url: origin.pageUrl, field: 'page_url' });
  if (origin.uploader?.profileUrl)
    held.push({ url: origin.uploader.profileUrl, field: 'profile_url' });
  return held;
}

async function itemUrls(trx: Transaction<Database>, itemId: string): Promise<HeldUrl[] | null> {
  const row = await trx
    .selectFrom('provenance')
    .select('origin')
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row ? originUrls(row.origin) : null;
}

/** The URLs a report lists: what its items' provenance holds, and its files' locations. */
async function reportUrls(trx: Transaction<Database>, reportId: string): Promise<HeldUrl[] | null> {
  const report = await trx
    .selectFrom('reports')
    .select('id')
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) return null;
  const [origins, files] = await Promise.all([
    trx
      .selectFrom('report_items')
      .innerJoin('provenance', 'provenance.item_id', 'report_items.item_id')
      .select('provenance.origin')
      .where('report_items.report_id', '=', reportId)
      .orderBy('report_items.item_id')
      .execute(),
    trx
      .selectFrom('report_files')
      .select('file')
      .where('report_id', '=', reportId)
      .orderBy('position')
      .execute(),
  ]);
  const listed = files.flatMap(({ file }) => {
    const { locationOfFile, otherLocations } = FileLocations.parse(file);
    return [locationOfFile, ...otherLocations].flatMap((url) =>
      url ? [{ url, field: 'file_location' as const }] : [],
    );
  });
  return [...origins.flatMap(({ origin }) => originUrls(origin)), ...listed];
}

/**
 * Which field of the subject holds the URL a copy names, or null when the subject (or the URL in
 * it) is not there: nothing is recorded then, and nothing should be copied.
 */
export async function heldUrl(
  trx: Transaction<Database>,
  { subject, url }: UrlCopyRequest,
): Promise<HeldUrl | null> {
  const held =
    subject.type === 'item' ? await itemUrls(trx, subject.id) : await reportUrls(trx, subject.id);
  return held?.find((h) => h.url === url) ?? null;
}
