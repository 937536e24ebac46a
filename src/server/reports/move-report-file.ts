import type { Transaction } from 'kysely';
import type { ReportFileMove } from '../../api/schemas/report-workflow';
import type { User } from '../../api/schemas/user';
import type { Database } from '../db/tables';
import { Refusal } from '../refusal';
import { draftFields } from './draft-fields';
import { itemsOfReport, noFilingRecords, regroup } from './drafting';
import {
  actorOf,
  addReport,
  checkVersion,
  openStatuses,
  recordReportChange,
  statusText,
} from './report-record';
import { nextReportId, readReport, type StoredReport } from './report-rows';
import { refuseResent } from './supplemental';
import { noteEditor } from './update-report';

/** Moves one file (every item with its SHA-256) to another open draft of the supplier, or a new one. */
export async function moveReportFile(
  trx: Transaction<Database>,
  from: StoredReport,
  user: User,
  { version, sha256, to }: ReportFileMove,
  now: Date,
): Promise<StoredReport> {
  checkVersion(from, version);
  const file = from.files.find((f) => f.sha256 === sha256);
  if (!file)
    throw new Refusal('not_found', 'not_found', `Report ${from.id} holds no file ${sha256}.`);
  const existing = to === null || to === from.id ? null : await readReport(trx, to, { lock: true });
  for (const report of [from, existing]) {
    if (report && !openStatuses.includes(report.status)) {
      throw new Refusal(
        'conflict',
        'not_editable',
        `Report ${report.id} is ${statusText[report.status]}: files move only between open drafts.`,
      );
    }
  }
  if (existing && existing.incident.supplier.id !== from.incident.supplier.id) {
    throw new Refusal(
      'invalid',
      'other_supplier',
      `Report ${existing.id} is for another supplier (${existing.incident.supplier.name}).`,
    );
  }
  if (to === from.id)
    throw new Refusal('invalid', 'same_report', 'The file is already in this report.');
  if (existing) await refuseResent(trx, existing, [sha256]);
  const moving = new Set(file.itemIds);
  const items = await itemsOfReport(trx, from);
  const movingItems = items.filter((i) => moving.has(i.id));
  // The mover changed both; whoever edited the file in the report it left, edited it here too.
  const editors = [...from.draftEditors, actorOf(user)];
  let target: StoredReport;
  if (!existing) {
    // A new draft for the same incident, its report fields drawn from the file's own items.
    target = {
      ...structuredClone(from),
      ...draftFields(movingItems, [file], now),
      id: await nextReportId(trx),
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      draftEditors: [],
      amendedBy: [],
      submittedBy: null,
      review: null,
      status: 'draft',
      ...noFilingRecords(),
      files: [file],
    };
    await regroup(trx, target, movingItems, now);
    for (const editor of editors) noteEditor(target.draftEditors, editor);
    await addReport(trx, target);
  } else {
    target = existing;
    // The file arrives with what people edited on it.
    target.files.push(file);
    await regroup(trx, target, await itemsOfReport(trx, target), now);
    for (const editor of editors) noteEditor(target.draftEditors, editor);
    await recordReportChange(trx, target, actorOf(user), now, 'report.updated', {
      movedIn: sha256,
      from: from.id,
    });
  }
  await regroup(
    trx,
    from,
    items.filter((i) => !moving.has(i.id)),
    now,
  );
  noteEditor(from.draftEditors, actorOf(user));
  await recordReportChange(trx, from, actorOf(user), now, 'report.updated', {
    movedOut: sha256,
    to: target.id,
  });
  return target;
}
