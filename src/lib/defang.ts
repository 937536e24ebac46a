/**
 * Third-party URLs are shown, never followed: defanged so that no viewer, linkifier
 * or copy-paste into a browser bar turns them into a request, with every invisible or
 * direction-changing character made visible. Copying one copies this defanged form unless the
 * person deliberately asks for the live URL.
 */

// Control characters are exactly what this pattern is for.
const invisible =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

const oneInvisible = new RegExp(`^${invisible.source}$`, 'u');
/** Whether `char` is one that `revealInvisible` marks. */
export const isInvisible = (char: string) => oneInvisible.test(char);

/** `\u202e` → `⟨U+202E⟩`: the visible marker of one character. */
export const markerOf = (char: string) =>
  `⟨U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`;

/**
 * `line\nbreak` → `line⟨U+000A⟩break`; bidi overrides, zero-width and control characters alike.
 * For display; a form field holding such text shows it with `toShownInput` (untrusted-input.ts).
 */
export function revealInvisible(text: string): string {
  return text.replace(invisible, markerOf);
}

const schemePattern = /^(\s*)([a-z][a-z0-9+.-]*):/i;
const webSchemes: Record<string, string> = { http: 'hxxp', https: 'hxxps', ftp: 'fxp' };

/** The host in punycode (`exаmple.com` with a Cyrillic а → `xn--exmple-4nf.com`), else as given. */
function asciiHost(host: string): string {
  if (/^\p{ASCII}*$/u.test(host)) return host;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return host;
  }
}

/** `https://user@img.example.com:8443/a` → `hxxps://user@img[.]example[.]com:8443/a`. */
function defangAuthority(rest: string): string {
  const match = /^\/\/([^/?#]*)(.*)$/s.exec(rest);
  if (!match) return rest;
  const [, authority = '', tail = ''] = match;
  const at = authority.lastIndexOf('@');
  const userInfo = at >= 0 ? authority.slice(0, at + 1) : '';
  const host = asciiHost(authority.slice(at + 1));
  return `//${userInfo}${host.replaceAll('.', '[.]')}${tail}`;
}

export interface DefangedUrl {
  /** Safe to display: no live scheme, no clickable host, invisible characters shown. */
  text: string;
  /** The host was internationalised (shown in punycode): a possible look-alike. */
  idn: boolean;
  /** The display was shortened; the copy button still copies the whole value. */
  truncated: boolean;
}

/**
 * `https://img.example.com/a.jpg` → `hxxps://img[.]example[.]com/a.jpg`;
 * `javascript:alert(1)` → `javascript[:]alert(1)`; anything longer than `maxLength` is shortened.
 */
export function defangUrl(raw: string, maxLength = 160): DefangedUrl {
  let text: string;
  const scheme = schemePattern.exec(raw);
  // Browsers drop tabs and newlines from URLs: `java\tscript:` is still `javascript:`.
  const hiddenScheme = schemePattern.exec(raw.replace(/[\t\n\r]/g, ''));
  if (scheme?.[2] && webSchemes[scheme[2].toLowerCase()]) {
    const [whole, space = '', name = ''] = scheme;
    text = `${space}${webSchemes[name.toLowerCase()] ?? ''}:${defangAuthority(raw.slice(whole.length))}`;
  } else if (hiddenScheme) {
    text = raw.replace(':', '[:]');
  } else {
    text = defangAuthority(raw);
  }
  const idn = text !== raw && /xn--/i.test(text) && !/xn--/i.test(raw);
  text = revealInvisible(text);
  const truncated = text.length > maxLength;
  return { text: truncated ? `${text.slice(0, maxLength - 1)}…` : text, idn, truncated };
}

/** The whole defanged form, never shortened: what a copy puts on the clipboard and the log keeps. */
export const wholeDefanged = (raw: string) => defangUrl(raw, Number.POSITIVE_INFINITY).text;
