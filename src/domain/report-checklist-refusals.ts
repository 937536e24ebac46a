import type { ChecklistFile, ChecklistInput, ReportEntryId } from './report-checklist';
import { ncmecRefusal } from './ncmec-value-rules';
import { filled } from './usable-value';

/** Its values NCMEC's rules refuse, each as "where: the rule" (see `ncmec-value-rules.ts`). */
export type EntryRefusals = (report: ChecklistInput, now: Date) => string[];

/** "where: rule" for each value NCMEC refuses at `path`; blank values are not sent, so not refused. */
const refusals = (
  path: string,
  values: readonly (readonly [where: string, value: string | null])[],
  now: Date,
) =>
  values.flatMap(([where, value]) => {
    const says = filled(value) ? ncmecRefusal(path, value, now) : null;
    return says === null ? [] : [`${where}: ${says}`];
  });

const perFile =
  (path: string, value: (file: ChecklistFile) => string | null): EntryRefusals =>
  ({ files }, now) =>
    refusals(
      path,
      files.map((f, i) => [`file ${i + 1}`, value(f)] as const),
      now,
    );

/**
 * For each report checklist entry that holds values NCMEC's rules can refuse (read by
 * `report-checklist.ts`): those values, each with where it stands in the report and the XSD path
 * whose rule it is checked by. An entry not listed has no value NCMEC could refuse.
 */
export const entryRefusals: Partial<Record<ReportEntryId, EntryRefusals>> = {
  incident_date: ({ incidentSummary: s }, now) =>
    refusals(
      'incidentSummary/incidentDateTime',
      [['incident date', s.incidentDateTime]],
      now,
    ).concat(
      refusals(
        'incidentSummary/incidentDateTimeDescription',
        [['what that time is', s.incidentDateTimeDescription]],
        now,
      ),
    ),
  escalate_to_high_priority: (r, now) =>
    refusals(
      'incidentSummary/escalateToHighPriority',
      [['reason', r.incidentSummary.escalateToHighPriority]],
      now,
    ),
  reporter_email: (r, now) =>
    refusals('reportingPerson/email', [['email', r.reporter?.email ?? null]], now),
  web_page_url: (r, now) =>
    refusals(
      'webPageIncident/url',
      [
        ...r.webPages.map((p, i) => [`web page ${i + 1}`, p.url] as const),
        ...r.files.flatMap((f, i) =>
          f.otherLocations.map((url) => [`file ${i + 1}, found also at`, url] as const),
        ),
      ],
      now,
    ),
  location_of_file: perFile('fileDetails/locationOfFile', (f) => f.locationOfFile),
  original_file_hash: perFile(
    'originalFileHash/@hashType',
    (f) => f.originalFileHash?.hashType ?? null,
  ),
  reported_person: ({ reportedPerson: p }, now) => [
    ...refusals('personOrUserReported/screenName', [['screen name', p?.screenName ?? null]], now),
    ...refusals('personOrUserReported/profileUrl', [['profile URL', p?.profileUrl ?? null]], now),
  ],
  ip_capture: ({ reportedPerson: p }, now) =>
    (p?.ipCaptureEvents ?? []).flatMap((event, i) => [
      ...refusals('ipCaptureEvent/ipAddress', [[`IP address ${i + 1}`, event.ipAddress]], now),
      ...refusals('ipCaptureEvent/dateTime', [[`IP address ${i + 1} time`, event.dateTime]], now),
    ]),
  original_file_name: perFile('fileDetails/originalFileName', (f) => f.originalFileName),
  uploaded_to_esp: perFile('fileDetails/uploadedToEspTimestamp', (f) => f.uploadedToEspTimestamp),
  hash_details: ({ files }, now) =>
    files.flatMap((f, i) =>
      refusals(
        'nameValuePair/name',
        f.hashDetails.map((d) => [`file ${i + 1}, detail name`, d.name] as const),
        now,
      ),
    ),
};
