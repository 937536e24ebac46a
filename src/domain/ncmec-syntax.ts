/**
 * The syntax behind NCMEC's "must be a valid URL", "must be a valid IPv4, IPv6, or IPv4-mapped
 * IPv6 address", "must be a well-formed email address" and "ISO 8601 date and time" (the rules
 * themselves: `ncmec-value-rules.ts`). The documentation names these validations without defining
 * them, so each is read here as its standard says, strictly: a value that passes here is one NCMEC
 * has no ground to refuse.
 */

// RFC 3986's character classes.
const UNRESERVED = String.raw`A-Za-z0-9\-._~`;
const SUB_DELIMS = String.raw`!$&'()*+,;=`;
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const IPV4_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = `${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}`;

/**
 * "A valid URL", read as a web address: an absolute `http`, `https` or `ftp` URL with a host (a
 * DNS name, an IPv4 address or a bracketed IPv6 one), in RFC 3986 syntax: ASCII only, with no
 * space, control character, angle bracket or quote unless percent-encoded. So `javascript:…`,
 * `data:…`, a protocol-relative `//host/…`, HTML, a raw `<script>` in a query, and an
 * internationalised host written in Unicode (rather than `xn--…`) are not URLs NCMEC accepts.
 */
const WEB_URL = new RegExp(
  `^(?:https?|ftp)://` +
    `(?:(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*@)?` +
    `(?:${IPV4}|\\[[0-9A-Fa-f:.]+\\]|${LABEL}(?:\\.${LABEL})*\\.?)` +
    `(?::[0-9]{1,5})?` +
    `(?:/${PCHAR}*)*` +
    `(?:\\?(?:${PCHAR}|[/?])*)?` +
    `(?:#(?:${PCHAR}|[/?])*)?$`,
  'i',
);

export function isWebUrl(value: string): boolean {
  if (!WEB_URL.test(value)) return false;
  const bracketed = /^[a-z]+:\/\/(?:[^@/]*@)?\[([^\]]+)\]/i.exec(value)?.[1];
  return bracketed === undefined || isIpv6(bracketed);
}

const WHOLE_IPV4 = new RegExp(`^${IPV4}$`);
const isIpv4 = (value: string) => WHOLE_IPV4.test(value);

/** RFC 4291 text form: eight groups, one `::` at most, an IPv4 address as the last two groups. */
function isIpv6(value: string): boolean {
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const all = groups.flat();
  const last = all.at(-1);
  const embedsIpv4 = last !== undefined && last.includes('.');
  if (embedsIpv4 && !isIpv4(last)) return false;
  const hex = embedsIpv4 ? all.slice(0, -1) : all;
  if (!hex.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  const count = hex.length + (embedsIpv4 ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * "A valid IPv4, IPv6, or IPv4-mapped IPv6 address": dotted-quad IPv4 without leading zeros (an
 * octet like `010` is read as octal by some parsers, so it is ambiguous), or IPv6 in RFC 4291
 * text form, which includes the IPv4-mapped `::ffff:192.0.2.1`. No zone (`%eth0`), port or prefix.
 */
export const isIpAddress = (value: string) => isIpv4(value) || isIpv6(value);

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const EMAIL = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)*@${LABEL}(?:\\.${LABEL})+$`);

/** "A well-formed email address": RFC 5322's dot-atom local part at a DNS name of two labels or more. */
export const isEmail = (value: string) => EMAIL.test(value);

/** "ISO 8601 timestamps must have a time zone specified in the format +/-hh:mm or Z for UTC." */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export const isDateTimeWithZone = (value: string) =>
  DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

/** "ISO 8601 date" (a date of birth). */
export const isIsoDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
