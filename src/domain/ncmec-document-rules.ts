import { ncmecRefusal } from './ncmec-value-rules';

/**
 * NCMEC's rules that read a whole document (`<report>` or `<fileDetails>`), in the documentation's
 * words, and the walk that applies every single-value rule of `ncmec-value-rules.ts` to every
 * element and attribute. The mock NCMEC answers 4100 with the first refusal, naming its path.
 *
 * Checked here, because Verity writes these elements:
 * - `<reportingPerson>`: "At least one email address is required when used as part of the
 *   <reportingPerson> element." ("<email> is required")
 * - `<personOrUserReported>` is `0|1` ("element is optional but at most 1 element may be
 *   supplied"); only a batched report may hold several ("Multiple /report/personOrUserReported
 *   elements are allowed", appendix E). The XSD allows any number, so only this rule catches it.
 * - `<fileViewedByEsp>`: "must be "true" when the value of <exifViewedByEsp> is "true"".
 * - `<fileRelevance>`: "may not be "Supplemental Reported" if a potential meme annotation is
 *   supplied" and "… if an <industryClassification> is supplied".
 * - `verified`: "must be true when verificationDate is supplied".
 *
 * Not checked, because Verity never writes those elements: an `<emailIncident>`'s or
 * `<newsgroupIncident>`'s address "must also be supplied as a <personOrUserReported> email
 * address, <intendedRecipient> email address, or a <victim> email address"; an
 * `<estimatedLocation>`'s region and country code rules; `userNotifiedDate` "must be on or after
 * the disabledDate", `reenabledDate` "must be after the disabledDate"; an associated account's
 * `approximateAge` and `dateOfBirth` exclude each other. Appendix E's batched-report rules are in
 * the demo NCMEC (`src/server/demo/ncmec/ncmec-xml.ts`): Verity never files a batched report.
 */

export interface DocumentElement {
  /** Slash path from the root, e.g. `report/internetDetails/webPageIncident/url`. */
  path: string;
  text: string;
  attributes: Readonly<Record<string, string>>;
}

export interface Refusal {
  /** Where, e.g. `report/internetDetails/webPageIncident/url`. */
  path: string;
  /** The rule, in the documentation's words. */
  says: string;
}

const textAt = (elements: readonly DocumentElement[], path: string) =>
  elements.find((e) => e.path === path)?.text.trim();

function crossFieldRefusals(elements: readonly DocumentElement[]): Refusal[] {
  const refusals: Refusal[] = [];
  const root = elements[0]?.path;
  if (root === 'report') {
    const person = 'report/reporter/reportingPerson';
    if (
      elements.some((e) => e.path === person) &&
      !elements.some((e) => e.path === `${person}/email` && e.text.trim() !== '')
    )
      refusals.push({ path: `${person}/email`, says: '<email> is required' });
    const reported = elements.filter((e) => e.path === 'report/personOrUserReported').length;
    if (reported > 1 && !elements.some((e) => e.path === 'report/batchedReport'))
      refusals.push({
        path: 'report/personOrUserReported',
        says: 'element is optional but at most 1 element may be supplied',
      });
  }
  if (root === 'fileDetails') {
    if (
      textAt(elements, 'fileDetails/exifViewedByEsp') === 'true' &&
      textAt(elements, 'fileDetails/fileViewedByEsp') !== 'true'
    )
      refusals.push({
        path: 'fileDetails/fileViewedByEsp',
        says: 'must be "true" when the value of <exifViewedByEsp> is "true"',
      });
    if (textAt(elements, 'fileDetails/fileRelevance') === 'Supplemental Reported') {
      if (elements.some((e) => e.path === 'fileDetails/fileAnnotations/potentialMeme'))
        refusals.push({
          path: 'fileDetails/fileRelevance',
          says: 'may not be "Supplemental Reported" if a potential meme annotation is supplied',
        });
      if (elements.some((e) => e.path === 'fileDetails/industryClassification'))
        refusals.push({
          path: 'fileDetails/fileRelevance',
          says: 'may not be "Supplemental Reported" if an <industryClassification> is supplied',
        });
    }
  }
  for (const element of elements) {
    if (element.attributes.verificationDate !== undefined && element.attributes.verified !== 'true')
      refusals.push({
        path: `${element.path}/@verified`,
        says: 'must be true when verificationDate is supplied',
      });
  }
  return refusals;
}

/** Every refusal of a parsed document: each element's and attribute's value, then the cross-field rules. */
export function documentRefusals(elements: readonly DocumentElement[], now: Date): Refusal[] {
  const refusals: Refusal[] = [];
  for (const element of elements) {
    const values: [string, string][] = [
      [element.path, element.text],
      ...Object.entries(element.attributes).map(([name, value]): [string, string] => [
        `${element.path}/@${name}`,
        value,
      ]),
    ];
    for (const [path, value] of values) {
      const says = ncmecRefusal(path, value, now);
      if (says !== null) refusals.push({ path, says });
    }
  }
  return [...refusals, ...crossFieldRefusals(elements)];
}
