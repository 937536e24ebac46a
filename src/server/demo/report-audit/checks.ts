import { createHash } from 'node:crypto';
import type { FlaggedItem } from '../../../api/schemas/item';
import type { ActionabilityField, Report } from '../../../api/schemas/report';
import { xmlText } from '../../../domain/cybertipline-xml';
import { publiclyAvailable } from '../../reports/draft-file';
import { accepted } from '../../reports/refused-source-values';
import { unescapeXml } from '../../ncmec/ncmec-client';
import { textsOf, type AuditDocument } from './documents';

/**
 * What one approved report's documents must carry, read from its items' own records rather than
 * from the report: each value NCMEC would accept, each reason, each value set aside, each uploader
 * and each crawl time. Pure.
 */

/** A value as the documents carry it: what XML 1.0 can hold of it, trimmed. */
const carried = (value: string) => unescapeXml(xmlText(value)).trim();
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface ReportContext {
  report: Report;
  items: readonly FlaggedItem[];
  /** The `<report>` first, then each file's `<fileDetails>` in file order. */
  docs: readonly AuditDocument[];
  now: Date;
}

export interface FieldOutcome {
  /** Of the places it goes (1, or one per file), how many the documents fill. */
  sent: number;
  of: number;
  /** The data's values NCMEC would accept that the documents do not carry, as "rpt_… what". */
  unsent: string[];
}

const itemsOfFile = (ctx: ReportContext, sha: string) =>
  ctx.items.filter((i) => i.media.sha256 === sha);
const docOf = (ctx: ReportContext, sha: string) => ctx.docs.filter((d) => d.sha256 === sha);
const reportDoc = (ctx: ReportContext) => ctx.docs.filter((d) => d.sha256 === null);
const uploaders = (ctx: ReportContext) =>
  ctx.items.flatMap((i) => i.provenance.origin.uploader ?? []);

/** Whether `value` is the text of a `name` element of these documents, or within an additionalInfo. */
function carries(docs: readonly AuditDocument[], name: string, value: string) {
  const wanted = carried(value);
  return (
    textsOf(docs, name).some((t) => carried(t) === wanted) ||
    textsOf(docs, 'additionalInfo').some((t) => t.includes(wanted))
  );
}

/** Per file: how many fill `element`, and which acceptable values of its items are not carried. */
function perFile(
  ctx: ReportContext,
  field: string,
  element: string,
  values: (items: readonly FlaggedItem[]) => readonly string[],
  /** Whether a URL may also be carried elsewhere: as a web page, or listed in an additionalInfo. */
  listedElsewhere = false,
): FieldOutcome {
  const unsent: string[] = [];
  let sent = 0;
  for (const file of ctx.report.files) {
    const docs = docOf(ctx, file.sha256);
    const filled = textsOf(docs, element).some((t) => t.trim() !== '');
    if (filled) sent += 1;
    for (const value of values(itemsOfFile(ctx, file.sha256))) {
      const own = textsOf(docs, element).some((t) => carried(t) === carried(value));
      const elsewhere =
        listedElsewhere &&
        (carries([...docs, ...reportDoc(ctx)], element, value) ||
          carries(reportDoc(ctx), 'url', value));
      if (!filled || !(own || elsewhere))
        unsent.push(
          `${ctx.report.id} ${field} of ${file.sha256.slice(0, 12)}: ${value.slice(0, 80)}`,
        );
    }
  }
  return { sent, of: ctx.report.files.length, unsent };
}

/** Report-wide: whether `element` is filled, and which acceptable values are not carried. */
function perReport(
  ctx: ReportContext,
  field: string,
  element: string,
  values: readonly string[],
): FieldOutcome {
  const docs = reportDoc(ctx);
  const filled = textsOf(docs, element).some((t) => t.trim() !== '');
  const unsent = values
    .filter((value) => !filled || !carries(docs, element, value))
    .map((value) => `${ctx.report.id} ${field}: ${value.slice(0, 80)}`);
  return { sent: filled ? 1 : 0, of: 1, unsent };
}

const acceptedAt = (path: string, values: readonly (string | null)[], now: Date) => [
  ...new Set(
    values.filter((v): v is string => v !== null && v.trim() !== '' && accepted(path, v, now)),
  ),
];

/** Each actionability field: what the documents send of what the data holds. */
export const fieldChecks: Record<ActionabilityField, (ctx: ReportContext) => FieldOutcome> = {
  web_page_url: (ctx) =>
    perReport(
      ctx,
      'web page URL',
      'url',
      acceptedAt(
        'webPageIncident/url',
        ctx.items.map((i) => i.provenance.origin.pageUrl),
        ctx.now,
      ),
    ),
  source_details: (ctx) => {
    const { dataset, batchId } = ctx.report.incident;
    const known = [dataset?.name ?? null, dataset?.version ?? null, batchId].filter(
      (v): v is string => v !== null,
    );
    const outcome = perReport(ctx, 'source details', 'additionalInfo', known);
    return { ...outcome, sent: known.length === 3 && outcome.unsent.length === 0 ? 1 : 0 };
  },
  location_of_file: (ctx) =>
    perFile(
      ctx,
      'source URL',
      'locationOfFile',
      (items) =>
        acceptedAt(
          'fileDetails/locationOfFile',
          items.flatMap((i) => i.provenance.origin.sourceUrls),
          ctx.now,
        ),
      true,
    ),
  publicly_available: (ctx) =>
    perFile(ctx, 'publicly available', 'publiclyAvailable', (items) => {
      const known = items
        .map((i) => publiclyAvailable(i.provenance.origin.httpStatus))
        .find((v) => v !== null);
      return known === undefined ? [] : [String(known)];
    }),
  original_file_hash: (ctx) =>
    perFile(ctx, 'hash as obtained', 'originalFileHash', (items) => {
      const hash = items.map((i) => i.media.originalHash).find((h) => h !== null);
      return hash ? [hash.value] : [];
    }),
  reported_person: (ctx) => {
    const names = acceptedAt(
      'personOrUserReported/screenName',
      uploaders(ctx).map((u) => u.accountName),
      ctx.now,
    );
    const urls = acceptedAt(
      'personOrUserReported/profileUrl',
      uploaders(ctx).map((u) => u.profileUrl),
      ctx.now,
    );
    const byName = perReport(ctx, 'screen name', 'screenName', names);
    const byUrl = perReport(ctx, 'profile URL', 'profileUrl', urls);
    return {
      sent: Math.max(byName.sent, byUrl.sent),
      of: 1,
      unsent: [...byName.unsent, ...byUrl.unsent],
    };
  },
  ip_capture: (ctx) =>
    perReport(
      ctx,
      'uploader IP address',
      'ipAddress',
      acceptedAt(
        'ipCaptureEvent/ipAddress',
        uploaders(ctx).map((u) => u.ipAddress),
        ctx.now,
      ),
    ),
};

/**
 * What the report knows that the documents must carry and do not: every not-available reason,
 * every value set aside (by its SHA-256), every uploader (by name or, set aside, its SHA-256) and
 * every crawl time of each file.
 */
export function lostFromDocuments(ctx: ReportContext): string[] {
  const { report, docs } = ctx;
  const infos = textsOf(docs, 'additionalInfo');
  const inInfo = (text: string) => infos.some((info) => info.includes(carried(text)));
  const lost: string[] = [];
  for (const { field, reason } of report.notAvailable)
    if (!inInfo(reason)) lost.push(`${report.id} reason for ${field}`);
  for (const value of report.refusedSourceValues)
    if (!inInfo(value.sha256)) lost.push(`${report.id} value set aside at ${value.xsdPath}`);
  for (const uploader of uploaders(ctx)) {
    const named = textsOf(docs, 'screenName').some(
      (t) => carried(t) === carried(uploader.accountName),
    );
    if (!named && !inInfo(sha256(uploader.accountName)))
      lost.push(`${report.id} uploader ${uploader.accountName.slice(0, 40)}`);
    const { profileUrl } = uploader;
    if (profileUrl === null) continue;
    const linked = textsOf(docs, 'profileUrl').some((t) => carried(t) === carried(profileUrl));
    if (!linked && !inInfo(sha256(profileUrl)))
      lost.push(`${report.id} uploader profile ${profileUrl.slice(0, 40)}`);
  }
  for (const file of report.files) {
    const fileInfos = textsOf(docOf(ctx, file.sha256), 'additionalInfo');
    const times = itemsOfFile(ctx, file.sha256).flatMap((i) => i.provenance.origin.crawledAt ?? []);
    for (const time of new Set(times))
      if (!fileInfos.some((info) => info.includes(time)))
        lost.push(`${report.id} crawl time ${time} of ${file.sha256.slice(0, 12)}`);
  }
  return lost;
}
