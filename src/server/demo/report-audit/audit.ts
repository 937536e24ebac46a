import { ActionabilityField, type Report } from '../../../api/schemas/report';
import { readItems } from '../../items/item-rows';
import { openTestServer } from '../../testing/test-server';
import { fieldChecks, lostFromDocuments, type FieldOutcome } from './checks';
import { reportDocuments, type AuditDocument } from './documents';
import { settleAndApprove } from './settle';
import { xsdFailures } from './xsd';

/**
 * The report audit: for one seed and size of the demo data, seeded into a server in process (an
 * in-memory database), every draft settled and approved through the server's API as people filing
 * for real would (`settle.ts`), every document generated, and checked: against NCMEC's XSD (when
 * its text is given), against NCMEC's documented rules as the demo NCMEC reads them, for drafts that cannot be saved or approved, for anything the report knows that the
 * documents do not carry, and, per actionability field, for a value NCMEC would accept that the
 * data held and was not sent. `scripts/report-audit.ts` prints it; a Vitest test runs one seed.
 */

export interface FieldCount {
  field: ActionabilityField;
  /** Reports whose documents send a value (every file's, for a per-file field). */
  sent: number;
  /** Reports that say it is not available, with a reason. */
  notAvailable: number;
  /** Places filled, of all (one per report, or one per file). */
  places: { sent: number; of: number };
  /** The data's acceptable values that were not sent. */
  unsent: number;
}

export interface AuditResult {
  seed: number;
  items: number;
  drafts: number;
  approved: number;
  documents: number;
  /** Null when no XSD was given. */
  xsdFailures: string[] | null;
  /** Documents NCMEC's rules refuse, with the first refusal of each. */
  refused: string[];
  unsaveable: string[];
  notApproved: string[];
  /** Reasons, values set aside, uploaders and crawl times the documents do not carry. */
  lost: string[];
  /** Values NCMEC would accept that the data held and no document sends. */
  unsent: string[];
  fields: FieldCount[];
}

export const auditFailed = (r: AuditResult) =>
  (r.xsdFailures?.length ?? 0) +
    r.refused.length +
    r.unsaveable.length +
    r.notApproved.length +
    r.lost.length +
    r.unsent.length >
    0 || r.approved < r.drafts;

interface Checked {
  report: Report;
  outcomes: ReadonlyMap<ActionabilityField, FieldOutcome>;
}

function countFields(checked: readonly Checked[]) {
  return ActionabilityField.options.map((field): FieldCount => {
    let sent = 0;
    let notAvailable = 0;
    let unsent = 0;
    const places = { sent: 0, of: 0 };
    for (const { report, outcomes } of checked) {
      const outcome = outcomes.get(field);
      if (!outcome) continue;
      if (outcome.sent === outcome.of && outcome.of > 0) sent += 1;
      if (report.notAvailable.some((n) => n.field === field)) notAvailable += 1;
      places.sent += outcome.sent;
      places.of += outcome.of;
      unsent += outcome.unsent.length;
    }
    return { field, sent, notAvailable, places, unsent };
  });
}

export async function auditReports(options: {
  seed: number;
  items: number;
  /** NCMEC's XSD, as text; without it the documents are not validated against it. */
  xsd: string | null;
}): Promise<AuditResult> {
  const server = await openTestServer({ seed: options.seed, items: options.items });
  try {
    const { rows: drafts } = await server.database.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('rows'))
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    const settled = await settleAndApprove(server);
    const now = server.clock.now;
    const allDocs: AuditDocument[] = [];
    const refused: string[] = [];
    const lost: string[] = [];
    const unsent: string[] = [];
    const checked: Checked[] = [];
    for (const [r, report] of settled.approved.entries()) {
      const docs = reportDocuments(report, String(90_000_001 + r), now);
      allDocs.push(...docs);
      for (const doc of docs)
        if (doc.refused !== null) refused.push(`${doc.fileName}: ${doc.refused}`);
      const items = await readItems(
        server.database.db,
        report.files.flatMap((f) => f.itemIds),
      );
      const ctx = { report, items, docs, now };
      lost.push(...lostFromDocuments(ctx));
      const outcomes = new Map(
        ActionabilityField.options.map((field) => [field, fieldChecks[field](ctx)] as const),
      );
      for (const outcome of outcomes.values()) unsent.push(...outcome.unsent);
      checked.push({ report, outcomes });
    }
    return {
      seed: options.seed,
      items: options.items,
      drafts,
      approved: settled.approved.length,
      documents: allDocs.length,
      xsdFailures: options.xsd === null ? null : await xsdFailures(allDocs, options.xsd),
      refused,
      unsaveable: settled.unsaveable,
      notApproved: settled.notApproved,
      lost,
      unsent,
      fields: countFields(checked),
    };
  } finally {
    await server.close();
  }
}
