import { ncmecRefusal } from './ncmec-value-rules';

/**
 * When a field holds a usable value: the one rule the report checklist and the item's provenance
 * checklist share, so a field reads as present in one exactly when it does in the other. Text is
 * usable when it holds more than blanks; a time when it also reads as a date.
 */
export const filled = (text: string | null | undefined): text is string =>
  text != null && text.trim() !== '';

export const usableTime = (time: string | null | undefined): time is string =>
  filled(time) && Number.isFinite(Date.parse(time));

/**
 * A value a report can send where it would go (`webPageIncident/url`, `fileDetails/originalFileName`
 * …): usable, and accepted by NCMEC's rules there. A `javascript:` "URL" is text, not a URL.
 */
export const sendable = (
  path: string,
  value: string | null | undefined,
  now: Date,
): value is string => filled(value) && ncmecRefusal(path, value, now) === null;
