import { isDateTimeWithZone, isEmail, isIpAddress, isIsoDate, isWebUrl } from './ncmec-syntax';

/**
 * NCMEC's rules for single values, in one place: every "validation" line of the CyberTipline
 * Reporting API Technical Documentation (appendices A to C), with its wording, by the element it
 * applies to. The XSD checks structure and enumerations; these are the rules it does not carry,
 * which NCMEC enforces with response code 4100 ("Validation failed"). They are read by:
 *
 * - the report checklist (`report-checklist.ts`), which shows a value that breaks one as
 *   *refused by NCMEC*, naming the rule, and blocks submitting, approving and filing it;
 * - the drafts (`src/server/reports/draft-fields.ts`), which never pre-fill such a value
 *   from the supplier's data but keep it, explained, in the additional information;
 * - the demo NCMEC (`src/server/demo/ncmec/`), which refuses a document holding one, naming the field.
 *
 * Rules across several values (an email for the reporting person, at most one reported person,
 * `exifViewedByEsp` needing `fileViewedByEsp`…) are in `ncmec-document-rules.ts`. Enumerations
 * (event names, US states, ISO 3166 country codes, incident types) are the XSD's to check.
 */

export interface ValueRule {
  /** The documentation's wording. */
  says: string;
  breaks: (value: string, now: Date) => boolean;
}

const maxLength = (max: number): ValueRule => ({
  says: `max length is ${max} characters`,
  // Characters as NCMEC's Java service counts them: UTF-16 code units.
  breaks: (value) => value.length > max,
});
const notBlank = (parent: string): ValueRule => ({
  says: `must not be blank if <${parent}> supplied`,
  breaks: (value) => value.trim() === '',
});
const between = (min: number, max: number): ValueRule => ({
  says: `must be between ${min} and ${max}`,
  breaks: (value) => !/^-?\d+$/.test(value.trim()) || +value < min || +value > max,
});
const matches = (pattern: string): ValueRule => {
  const whole = new RegExp(`^(?:${pattern})$`);
  return {
    says: `must conform to the regular expression ${pattern}`,
    breaks: (value) => !whole.test(value),
  };
};
/** "must be in the past", for an ISO 8601 date and time with its zone (section 7.3). */
const inThePast: ValueRule = {
  says: 'must be in the past',
  breaks: (value, now) => !isDateTimeWithZone(value) || Date.parse(value) >= now.getTime(),
};
const dateInThePast: ValueRule = {
  says: 'must be in the past',
  breaks: (value, now) => !isIsoDate(value) || Date.parse(value) >= now.getTime(),
};
const url: readonly ValueRule[] = [
  { says: 'must be a valid URL', breaks: (value) => !isWebUrl(value) },
  maxLength(2083),
];
const email: readonly ValueRule[] = [
  { says: 'must be a well-formed email address', breaks: (value) => !isEmail(value) },
  maxLength(255),
  {
    says: 'max length of local part (before @ sign) is 64 characters',
    breaks: (value) => value.slice(0, Math.max(0, value.lastIndexOf('@'))).length > 64,
  },
];
const cyberTiplineId: ValueRule = {
  says: 'must be a valid CyberTipline report ID',
  breaks: (value) => !/^[1-9]\d{0,17}$/.test(value.trim()),
};

/**
 * By element path, relative to nothing: a key applies to every element whose path ends with it
 * (`@name` is an attribute), and the longest key that fits wins, so `associatedAccount/firstName`
 * (256) overrides `firstName` (100).
 */
export const valueRules: Readonly<Record<string, readonly ValueRule[]>> = {
  // Appendix A, common types.
  'ipCaptureEvent/ipAddress': [
    notBlank('ipCaptureEvent'),
    {
      says: 'must be a valid IPv4, IPv6, or IPv4-mapped IPv6 address',
      breaks: (value) => !isIpAddress(value),
    },
  ],
  'ipCaptureEvent/dateTime': [inThePast],
  'ipCaptureEvent/port': [between(1, 65535)],
  'deviceId/idType': [notBlank('deviceId'), maxLength(255)],
  'deviceId/idValue': [notBlank('deviceId'), maxLength(2083)],
  'deviceId/dateTime': [inThePast],
  'address/address': [maxLength(255)],
  'address/city': [maxLength(100)],
  'address/zipCode': [maxLength(20)],
  'address/nonUsaState': [maxLength(100)],
  phone: [maxLength(50)],
  phoneNumber: [maxLength(50)],
  '@verificationDate': [inThePast],
  '@countryCallingCode': [matches(String.raw`\+[0-9]{1,3}`)],
  '@extension': [matches('[0-9]+'), maxLength(10)],
  email,
  emailAddress: email,
  'estimatedLocation/city': [maxLength(255)],
  'estimatedLocation/region': [maxLength(255)],
  'estimatedLocation/@timestamp': [inThePast],
  firstName: [maxLength(100)],
  lastName: [maxLength(100)],
  age: [between(0, 150)],
  dateOfBirth: [dateInThePast],
  // Appendix B, the report.
  'incidentSummary/platform': [maxLength(256)],
  'incidentSummary/escalateToHighPriority': [notBlank('escalateToHighPriority'), maxLength(3000)],
  'incidentSummary/incidentDateTime': [inThePast],
  'incidentSummary/incidentDateTimeDescription': [maxLength(3000)],
  'webPageIncident/url': url,
  'newsgroupIncident/name': [maxLength(255)],
  chatClient: [maxLength(255)],
  chatRoomName: [maxLength(255)],
  gameName: [maxLength(255)],
  'onlineGamingIncident/console': [maxLength(255)],
  locationName: [maxLength(255)],
  'peer2peerIncident/client': [maxLength(255)],
  agencyName: [maxLength(255)],
  caseNumber: [maxLength(100)],
  legalURL: url,
  vehicleDescription: [maxLength(300)],
  espIdentifier: [maxLength(255)],
  espService: [maxLength(100)],
  screenName: [maxLength(256)],
  displayName: [maxLength(255)],
  profileUrl: url,
  priorCTReports: [cyberTiplineId],
  groupIdentifier: [maxLength(255)],
  '@disabledDate': [inThePast],
  '@userNotifiedDate': [inThePast],
  schoolName: [maxLength(255)],
  'associatedAccount/platform': [maxLength(256)],
  'associatedAccount/firstName': [maxLength(256)],
  'associatedAccount/middleName': [maxLength(256)],
  'associatedAccount/lastName': [maxLength(256)],
  'associatedAccount/approximateAge': [between(0, 150)],
  'associatedAccount/espService': [maxLength(256)],
  'associatedAccount/espIdentifier': [maxLength(256)],
  'associatedAccount/groupIdentifier': [maxLength(256)],
  'associatedAccount/priorCTReport': [cyberTiplineId],
  // Appendix C, a file's details.
  'fileDetails/reportId': [cyberTiplineId],
  'fileDetails/fileId': [{ says: 'must not be blank', breaks: (value) => value.trim() === '' }],
  'fileDetails/originalFileName': [maxLength(2056)],
  'fileDetails/uploadedToEspTimestamp': [inThePast],
  'fileDetails/locationOfFile': url,
  'originalFileHash/@hashType': [maxLength(64)],
  'nameValuePair/name': [maxLength(64)],
};

const rulesByKey = new Map(Object.entries(valueRules));

/**
 * The rules for the element (or `…/@attribute`) at this path: those of the longest key the path
 * ends with, whole segments compared (`…/webPageIncident/url` takes `webPageIncident/url`'s).
 */
export function rulesFor(path: string): readonly ValueRule[] {
  const segments = path.split('/');
  for (let from = 0; from < segments.length; from++) {
    const rules = rulesByKey.get(segments.slice(from).join('/'));
    if (rules) return rules;
  }
  return [];
}

/**
 * The first of NCMEC's rules this value breaks at this path (e.g. `webPageIncident/url`,
 * `personOrUserReported/screenName`), in the documentation's words, or null when NCMEC accepts it.
 */
export function ncmecRefusal(path: string, value: string, now: Date): string | null {
  return rulesFor(path).find((rule) => rule.breaks(value, now))?.says ?? null;
}
