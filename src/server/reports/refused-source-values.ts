import { createHash } from 'node:crypto';
import type { FlaggedItem } from '../../api/schemas/item';
import {
  REFUSED_EXCERPT_MAX,
  type RefusedSourceValue,
} from '../../api/schemas/refused-source-value';
import type { ActionabilityField, NotAvailable } from '../../api/schemas/report';
import { ncmecRefusal } from '../../domain/ncmec-value-rules';

/**
 * Values of the supplier's data that NCMEC's rules refuse (`ncmec-value-rules.ts`): a draft never
 * pre-fills one (it could not be sent, and a blocked draft helps nobody), but keeps each, escaped
 * and cut, with its length and SHA-256, for the additional information; and where the field is
 * left empty only because of them, it says so as the not-available reason.
 */

/** Whether NCMEC accepts this value where it would go. */
export const accepted = (path: string, value: string, now: Date) =>
  ncmecRefusal(path, value, now) === null;

/**
 * Printable ASCII stays; `\` and every other character (controls, bidi overrides, zero-width,
 * non-ASCII letters that pass for Latin ones) become `\u{hex}`, so the excerpt shows exactly what
 * the data held and nothing in it acts on a reader. Cut whole escapes, at REFUSED_EXCERPT_MAX.
 */
export function excerpt(value: string): string {
  let out = '';
  for (const char of value) {
    const point = char.codePointAt(0) ?? 0;
    const shown =
      char === '\\'
        ? '\\\\'
        : point >= 0x20 && point <= 0x7e
          ? char
          : `\\u{${point.toString(16).toUpperCase()}}`;
    if (out.length + shown.length > REFUSED_EXCERPT_MAX - 1) return `${out}…`;
    out += shown;
  }
  return out;
}

/** When the item reached the provider: the custody record's ingestion. */
export const ingestedAt = (item: FlaggedItem) =>
  item.provenance.custody.find((c) => c.kind === 'ingested')?.at ?? null;

type Field = RefusedSourceValue['field'];

function setAside(
  field: Field,
  xsdPath: string,
  item: FlaggedItem,
  file: boolean,
  value: string,
  rule: string,
): RefusedSourceValue {
  return {
    field,
    xsdPath,
    itemId: item.id,
    fileSha256: file ? item.media.sha256 : null,
    rule,
    length: value.length,
    sha256: createHash('sha256').update(value, 'utf8').digest('hex'),
    excerpt: excerpt(value),
  };
}

/** Every value of these items' provenance that NCMEC would refuse, once per place and value. */
export function refusedSourceValues(
  items: readonly FlaggedItem[],
  now: Date,
): RefusedSourceValue[] {
  const found = new Map<string, RefusedSourceValue>();
  const check = (
    item: FlaggedItem,
    field: Field,
    xsdPath: string,
    file: boolean,
    value: string | null,
  ) => {
    if (value === null || value.trim() === '') return;
    const rule = ncmecRefusal(xsdPath, value, now);
    if (rule === null) return;
    const refused = setAside(field, xsdPath, item, file, value, rule);
    found.set(`${field}|${refused.fileSha256 ?? ''}|${refused.sha256}`, refused);
  };
  for (const item of items) {
    const { origin } = item.provenance;
    check(item, 'web_page_url', 'internetDetails/webPageIncident/url', false, origin.pageUrl);
    for (const url of origin.sourceUrls)
      check(item, 'location_of_file', 'fileDetails/locationOfFile', true, url);
    check(item, 'original_file_name', 'fileDetails/originalFileName', true, item.media.fileName);
    check(item, 'incident_date', 'incidentSummary/incidentDateTime', false, origin.crawledAt);
    check(item, 'uploaded_to_esp', 'fileDetails/uploadedToEspTimestamp', true, ingestedAt(item));
    const uploader = origin.uploader;
    if (!uploader) continue;
    check(item, 'screen_name', 'personOrUserReported/screenName', false, uploader.accountName);
    check(item, 'profile_url', 'personOrUserReported/profileUrl', false, uploader.profileUrl);
    check(item, 'ip_address', 'ipCaptureEvent/ipAddress', false, uploader.ipAddress);
    check(item, 'ip_capture_time', 'ipCaptureEvent/dateTime', false, uploader.uploadedAt);
  }
  return [...found.values()];
}

/** Which set-aside values leave each actionability field empty. */
const fieldsOf: Partial<Record<ActionabilityField, readonly Field[]>> = {
  web_page_url: ['web_page_url'],
  location_of_file: ['location_of_file'],
  reported_person: ['screen_name', 'profile_url'],
  ip_capture: ['ip_address'],
};

/**
 * The reason for each actionability field left empty only because NCMEC's rules refuse what the
 * data held (`lacking` says which fields are empty for that reason alone): a generated reason,
 * which a person may rewrite. A field the data simply lacks gets none: the checklist asks.
 */
export function generatedReasons(
  refused: readonly RefusedSourceValue[],
  lacking: readonly ActionabilityField[],
): NotAvailable[] {
  return lacking.flatMap((field) => {
    const values = refused.filter((v) => fieldsOf[field]?.includes(v.field));
    if (values.length === 0) return [];
    const rules = [...new Set(values.map((v) => v.rule))].join('; ');
    const count = values.length === 1 ? 'one value' : `${values.length} values`;
    return [
      {
        field,
        reason: `Generated: the supplier’s data holds ${count} for this that NCMEC’s rules refuse (${rules}), so none can be sent here. Each is set aside and sent, escaped and cut, with its length and SHA-256, in the additional information.`,
      },
    ];
  });
}
