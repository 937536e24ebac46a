/**
 * A typed client for NCMEC's CyberTipline Reporting API, as NCMEC documents it to registered
 * reporters: submitting, uploading, finishing and retracting reports.
 * The server side of the console files through it; the browser never talks to NCMEC. It is thin:
 * it sends, parses the `<reportResponse>` / `<reportDoneResponse>` XML, and hands back the code.
 * A non-zero code is an answer, not an exception — the filing sequence decides what it means
 * (a 5102 on a retried finish, for instance, proves the first finish went through).
 */

export interface NcmecClientOptions {
  fetch: (request: Request) => Promise<Response>;
  /** NCMEC's test host https://exttest.cybertip.org/ispws, its production host, or the demo's. */
  baseUrl: string;
  username: string;
  password: string;
}

export interface NcmecResult {
  code: number;
  description: string;
  reportId?: string;
  fileId?: string;
  /** MD5 NCMEC computed over the bytes it received: compare it with the local one. */
  md5?: string;
  /** `finish` only: the file ids of the finished report, NCMEC's receipt. */
  files?: readonly string[];
}

/** The response could not be read as NCMEC XML (an HTML error page, an empty body…). */
export class NcmecResponseError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`NCMEC answered HTTP ${status} without a readable response code`);
    this.name = 'NcmecResponseError';
  }
}

/** The documentation's table (appendix D), word for word: code → meaning. */
const MEANINGS: Readonly<Record<number, string>> = {
  0: 'Success',
  1000: 'Server error',
  1100: 'Save failed',
  1110: 'Upload failed',
  1111: 'File upload failed',
  1210: 'Resource not found',
  1300: 'Update failed',
  2000: 'Authentication required',
  3000: 'User is not authorized to perform this action',
  3100: 'User does not have authorization to make submissions',
  3300: 'User does not have authorization to make updates',
  4000: 'Invalid request',
  4100: 'Validation failed',
  4110: 'Malformed XML submittal',
  4200: 'Malformed file submittal',
  5001: 'Report does not exist',
  5002: 'File does not exist',
  5101: 'Report already retracted',
  5102: 'Report already finished',
};

/** NCMEC's own short meaning of a code; the list is "non-exhaustive", so unknown codes get a range. */
export function ncmecCodeMeaning(code: number): string {
  return MEANINGS[code] ?? `Error (undocumented code in the ${rangeOf(code)} range)`;
}

type Range = 'success' | 'server' | 'authentication' | 'authorization' | 'request' | 'state';

function rangeOf(code: number): Range {
  if (code === 0) return 'success';
  if (code >= 2000 && code < 3000) return 'authentication';
  if (code >= 3000 && code < 4000) return 'authorization';
  if (code >= 4000 && code < 5000) return 'request';
  if (code >= 5000 && code < 6000) return 'state';
  return 'server'; // 1000–1300 and anything unknown: the fault is not in the report
}

const RETRY =
  'Try again later; retrying a finish is safe, since NCMEC refuses a second finish with 5102.';

const MESSAGES: Readonly<Record<number, string>> = {
  0: 'NCMEC accepted the request (0).',
  1000: `NCMEC had a server error (1000). ${RETRY}`,
  1100: `NCMEC could not save the submission (1100). ${RETRY}`,
  1110: 'NCMEC could not take the upload (1110). Upload the file again.',
  1111: 'NCMEC could not store the uploaded file (1111). Upload the file again.',
  1210: 'NCMEC could not find a resource it needed (1210). Try again later.',
  1300: `NCMEC could not apply the update (1300). ${RETRY}`,
  2000: 'NCMEC requires authentication (2000): the CyberTipline username or password is missing or wrong.',
  3000: 'NCMEC refused: this CyberTipline account is not authorized for the action (3000).',
  3100: 'NCMEC refused: this CyberTipline account may not submit reports (3100). Ask NCMEC to enable it.',
  3300: 'NCMEC refused: this CyberTipline account may not update reports (3300). Ask NCMEC to enable it.',
  4000: 'NCMEC rejected the request as invalid (4000): a parameter is missing or wrong.',
  4100: 'NCMEC rejected the report as invalid against its schema (4100): fix the named field (or the order of elements) and submit a new report.',
  4110: 'NCMEC could not parse the XML document (4110): it is not well-formed.',
  4200: 'NCMEC rejected the uploaded file as malformed (4200). Upload it again.',
  5001: 'NCMEC has no such report (5001): the id is wrong, or the unfinished report expired (24 h after opening, or 1 h after its last change).',
  5002: 'NCMEC has no such file in this report (5002): check the file id returned by the upload.',
  5101: 'The report was already retracted (5101), by the reporter or by NCMEC after it expired unfinished: nothing can be added; submit a new report.',
  5102: 'The report was already finished (5102): it cannot be changed or retracted; a follow-up report links to it through priorCTReports.',
};

const RANGE_MESSAGES: Readonly<Record<Range, string>> = {
  success: MESSAGES[0] ?? '',
  server: `NCMEC had a server error. ${RETRY}`,
  authentication: 'NCMEC could not authenticate the CyberTipline account.',
  authorization: 'NCMEC refused: this CyberTipline account is not authorized for the action.',
  request: 'NCMEC rejected the request or document as invalid.',
  state: 'NCMEC refused: the report or file is missing, retracted or already finished.',
};

/** A clear message for a person, for every code the documentation lists and every range. */
export function ncmecCodeMessage(code: number): string {
  return MESSAGES[code] ?? `${RANGE_MESSAGES[rangeOf(code)]} (code ${code})`;
}

/** Undo the five predefined entities and numeric references; anything else stays as written. */
export function unescapeXml(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi, (whole, ref: string) => {
    if (!ref.startsWith('#')) return named[ref.toLowerCase()] ?? whole;
    const point =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return point <= 0x10ffff ? String.fromCodePoint(point) : whole;
  });
}

/** Every text of `<name>…</name>` (`<name/>` gives ''), CDATA kept verbatim. */
function texts(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}\\s*>)`, 'g');
  return [...xml.matchAll(pattern)].map(([, inner = '']) => {
    const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(inner);
    return cdata?.[1] ?? unescapeXml(inner.trim());
  });
}

const first = (xml: string, name: string) => texts(xml, name)[0];

/** Read a response document; a 401 without one is NCMEC's "authentication required". */
export function parseNcmecResponse(status: number, body: string): NcmecResult {
  const root = /<(reportResponse|reportDoneResponse)[\s>]/.exec(body)?.[1];
  const codeText = root === undefined ? undefined : first(body, 'responseCode');
  if (codeText === undefined || !/^-?\d+$/.test(codeText)) {
    if (status === 401) return { code: 2000, description: MEANINGS[2000] ?? '' };
    throw new NcmecResponseError(status, body.slice(0, 500));
  }
  const code = Number(codeText);
  const result: NcmecResult = {
    code,
    description: first(body, 'responseDescription') || ncmecCodeMeaning(code),
  };
  const reportId = first(body, 'reportId');
  if (reportId) result.reportId = reportId;
  if (root === 'reportDoneResponse') {
    result.files = texts(body, 'fileId'); // in this root, fileIds only appear under <files>
  } else {
    const fileId = first(body, 'fileId');
    const md5 = first(body, 'hash');
    if (fileId) result.fileId = fileId;
    if (md5) result.md5 = md5.toLowerCase();
  }
  return result;
}

/** Basic credentials, UTF-8 safe (btoa alone only takes Latin-1). */
function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export function createNcmecClient(options: NcmecClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const authorization = basicAuth(options.username, options.password);

  const send = async (method: 'GET' | 'POST', path: string, body?: string | FormData) => {
    const headers = new Headers({ Authorization: authorization, Accept: 'application/xml' });
    // The documentation names the charset so non-ASCII text survives (section 6.1).
    if (typeof body === 'string') headers.set('Content-Type', 'text/xml; charset=utf-8');
    const request = new Request(`${base}${path}`, { method, headers, body: body ?? null });
    const response = await options.fetch(request);
    return parseNcmecResponse(response.status, await response.text());
  };

  const idForm = (reportId: string) => {
    const form = new FormData();
    form.set('id', reportId);
    return form;
  };

  return {
    /** Checks connectivity and credentials. */
    status: () => send('GET', '/status'),
    /** Opens a report from a `<report>` document; answers its reportId. */
    submit: (reportXml: string) => send('POST', '/submit', reportXml),
    /** Adds a file to an open report; answers its fileId and NCMEC's MD5 of the bytes. */
    upload: (reportId: string, fileName: string, bytes: Uint8Array) => {
      const form = idForm(reportId);
      form.set('file', new Blob([new Uint8Array(bytes)]), fileName);
      return send('POST', '/upload', form);
    },
    /** Details of one uploaded file, a `<fileDetails>` document; at most once per file. */
    fileinfo: (fileDetailsXml: string) => send('POST', '/fileinfo', fileDetailsXml),
    /** Completes the report: afterwards nothing can be added or retracted. */
    finish: (reportId: string) => send('POST', '/finish', idForm(reportId)),
    /** Cancels a report that is not finished. */
    retract: (reportId: string) => send('POST', '/retract', idForm(reportId)),
  };
}

export type NcmecClient = ReturnType<typeof createNcmecClient>;
