/** What the demo NCMEC decided about a request, before it is written as NCMEC's XML. */
export interface Outcome {
  code: number;
  description?: string;
  reportId?: string | null;
  fileId?: string;
  hash?: string;
  files?: string[];
}

const ENTITIES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};
const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ENTITIES[c] ?? c);

/** The HTTP status beside the code: only 400 with 4100 is documented (appendix E); the rest is assumed. */
function httpStatus(code: number): number {
  if (code === 0) return 200;
  if (code === 2000) return 401;
  if (code >= 3000 && code < 4000) return 403;
  if (code >= 4000 && code < 5000) return 400;
  if (code === 5001 || code === 5002) return 404;
  if (code >= 5100 && code < 5200) return 409;
  return 500;
}

/** NCMEC's answer as its documentation shows it: `<reportDoneResponse>` to a finish, else `<reportResponse>`. */
export function answer(endpoint: string, outcome: Outcome, requestId: string): Response {
  const tag = (name: string, value: string | null | undefined) =>
    value == null ? '' : `\n    <${name}>${escapeXml(value)}</${name}>`;
  const code = tag('responseCode', String(outcome.code));
  const body =
    endpoint === 'finish' // <reportDoneResponse> has no description (appendix D.2)
      ? `<reportDoneResponse>${code}${tag('reportId', outcome.reportId)}\n    <files>${(outcome.files ?? []).map((id) => `\n        <fileId>${id}</fileId>`).join('')}\n    </files>\n</reportDoneResponse>`
      : `<reportResponse>${code}${tag('responseDescription', outcome.description ?? 'Success')}${tag('reportId', outcome.reportId)}${tag('fileId', outcome.fileId)}${tag('hash', outcome.hash)}\n</reportResponse>`;
  const headers: Record<string, string> = {
    'Content-Type': 'application/xml;charset=UTF-8',
    'Request-ID': requestId,
  };
  if (outcome.code === 2000) headers['WWW-Authenticate'] = 'Basic realm="CyberTipline"';
  return new Response(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}\n`, {
    status: httpStatus(outcome.code),
    headers,
  });
}
