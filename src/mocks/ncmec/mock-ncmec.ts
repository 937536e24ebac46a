import { createHash } from 'node:crypto';
import { getResponse, http, type HttpHandler } from 'msw';
import { ncmecAnswerLost, ncmecFault } from '../../server/demo/faults';
import { ncmecCodeMeaning } from '../../server/ncmec/ncmec-client';
import {
  batchedFileProblem,
  fileDetailsIds,
  has,
  readXml,
  refusedValue,
  reportProblem,
} from '../../server/demo/ncmec/ncmec-xml';

/**
 * An in-process stand-in for NCMEC's CyberTipline Reporting API, as NCMEC documents it to
 * registered reporters (docs/decisions/0005-reports-and-filing.md), so the mock server can run the whole filing sequence. It is never mounted on the HTTP server: the
 * browser must not be able to reach "NCMEC", only the server-side filer calls it, through fetch().
 * It checks what NCMEC's documentation states beyond the XSD (every value rule of
 * `src/domain/ncmec-value-rules.ts` and the rules across values, as the console's checklist does;
 * batched reports), not the XSD itself, which would need an XML schema validator.
 */
export const MOCK_NCMEC_BASE_URL = 'https://ncmec.mock/ispws';
export const MOCK_NCMEC_USERNAME = 'verity-mock';
export const MOCK_NCMEC_PASSWORD = 'mock-secret';

const LOST = 'X-Mock-Answer-Lost';
const FIRST_REPORT_ID = 90000001; // report ids are xs:long; these look like NCMEC's, not like ours
const HOUR = 3_600_000;

export type NcmecEndpoint = 'status' | 'submit' | 'upload' | 'fileinfo' | 'finish' | 'retract';
export interface NcmecCall {
  at: string;
  endpoint: NcmecEndpoint;
  reportId: string | null;
  responseCode: number;
}
export interface NcmecFile {
  fileId: string;
  fileName: string;
  md5: string;
  size: number;
  detailsXml: string | null;
}
export interface NcmecReport {
  reportId: string;
  state: 'open' | 'finished' | 'retracted';
  openedAt: string;
  lastChangeAt: string;
  batched: boolean;
  xml: string;
  files: NcmecFile[];
}
export interface MockNcmec {
  /** msw handlers on MOCK_NCMEC_BASE_URL, shaped on the documentation. */
  readonly handlers: readonly HttpHandler[];
  /** Answers a request in-process; a request no handler takes is a bug in the caller: it throws. */
  fetch(request: Request): Promise<Response>;
  /** Every call received, in order, with the code answered. */
  readonly calls: readonly NcmecCall[];
  /** NCMEC's side of things: each report's state, files and received XML (copies). */
  reports(): NcmecReport[];
}
interface Outcome {
  code: number;
  description?: string;
  reportId?: string | null;
  fileId?: string;
  hash?: string;
  files?: string[];
}

const fail = (code: number, detail: string, reportId: string | null = null): Outcome => ({
  code,
  description: `${ncmecCodeMeaning(code)}: ${detail}`,
  reportId,
});
const ENTITIES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};
const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ENTITIES[c] ?? c);
const md5 = (data: string | Uint8Array) => createHash('md5').update(data).digest('hex');

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

export function createMockNcmec(options: {
  now: () => Date;
  faults: () => readonly string[];
}): MockNcmec {
  const reports = new Map<string, NcmecReport>();
  const calls: NcmecCall[] = [];
  let nextId = FIRST_REPORT_ID;
  const nowIso = () => options.now().toISOString();
  const expectedAuth = `${MOCK_NCMEC_USERNAME}:${MOCK_NCMEC_PASSWORD}`;

  const authorised = (request: Request) => {
    const token = /^Basic\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];
    return token !== undefined && Buffer.from(token, 'base64').toString('utf8') === expectedAuth;
  };
  const injected = (endpoint: NcmecEndpoint, reportId: string | null) => {
    const code = ncmecFault(options.faults(), endpoint);
    return code === null ? null : fail(code, `injected by the mock's fault list`, reportId);
  };

  /** The report, after NCMEC's expiry: unfinished, it lapses 24 h after opening or 1 h after its last change. */
  const lookUp = (reportId: string) => {
    const report = reports.get(reportId);
    if (report?.state !== 'open') return report;
    const lapse = Math.max(
      Date.parse(report.openedAt) + 24 * HOUR,
      Date.parse(report.lastChangeAt) + HOUR,
    );
    if (options.now().getTime() > lapse) report.state = 'retracted'; // "automatically cancelled"
    return report;
  };
  /** The open report, or the refusal NCMEC gives when it is unknown, finished or retracted. */
  const openReport = (reportId: string): NcmecReport | Outcome => {
    const report = lookUp(reportId);
    if (!report) return fail(5001, `no report ${reportId}`, reportId);
    if (report.state === 'finished')
      return fail(5102, `report ${reportId} is finished and cannot change`, reportId);
    if (report.state === 'retracted')
      return fail(5101, `report ${reportId} was retracted or expired`, reportId);
    return report;
  };
  const touch = (report: NcmecReport) => (report.lastChangeAt = nowIso());

  function respond(endpoint: NcmecEndpoint, outcome: Outcome): Response {
    const tag = (name: string, value: string | null | undefined) =>
      value == null ? '' : `\n    <${name}>${escapeXml(value)}</${name}>`;
    const code = tag('responseCode', String(outcome.code));
    const body =
      endpoint === 'finish' // <reportDoneResponse> has no description (appendix D.2)
        ? `<reportDoneResponse>${code}${tag('reportId', outcome.reportId)}\n    <files>${(outcome.files ?? []).map((id) => `\n        <fileId>${id}</fileId>`).join('')}\n    </files>\n</reportDoneResponse>`
        : `<reportResponse>${code}${tag('responseDescription', outcome.description ?? 'Success')}${tag('reportId', outcome.reportId)}${tag('fileId', outcome.fileId)}${tag('hash', outcome.hash)}\n</reportResponse>`;
    const headers: Record<string, string> = {
      'Content-Type': 'application/xml;charset=UTF-8',
      'Request-ID': `mock-${String(calls.length)}`,
    };
    if (outcome.code === 2000) headers['WWW-Authenticate'] = 'Basic realm="CyberTipline"';
    return new Response(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}\n`, {
      status: httpStatus(outcome.code),
      headers,
    });
  }

  const route = (endpoint: NcmecEndpoint, act: (request: Request) => Promise<Outcome>) =>
    http[endpoint === 'status' ? 'get' : 'post'](
      `${MOCK_NCMEC_BASE_URL}/${endpoint}`,
      async ({ request }) => {
        const outcome = authorised(request)
          ? await act(request)
          : fail(2000, 'send the CyberTipline credentials with HTTP Basic authentication');
        const { code: responseCode, reportId = null } = outcome;
        calls.push({ at: nowIso(), endpoint, reportId, responseCode });
        const response = respond(endpoint, outcome);
        // Marked for fetch(), which loses it: the `ncmec:<endpoint>:lost` fault.
        if (ncmecAnswerLost(options.faults(), endpoint)) response.headers.set(LOST, endpoint);
        return response;
      },
    );

  /** upload, finish and retract name their report in the form field `id` (section 6). */
  const routeOnOpenReport = (
    endpoint: 'upload' | 'finish' | 'retract',
    act: (report: NcmecReport, form: FormData | null) => Outcome | Promise<Outcome>,
  ) =>
    route(endpoint, async (request) => {
      const form = await request.formData().catch(() => null);
      const id = form?.get('id');
      const reportId = typeof id === 'string' && /^\d{1,18}$/.test(id.trim()) ? id.trim() : null;
      const fault = injected(endpoint, reportId);
      if (fault) return fault;
      if (!reportId) return fail(4000, 'the form field id must hold a report id');
      const report = openReport(reportId);
      return 'code' in report ? report : act(report, form);
    });

  const handlers: HttpHandler[] = [
    route('status', () => {
      const description = `Remote User : ${MOCK_NCMEC_USERNAME}, Remote Ip : 127.0.0.1`;
      return Promise.resolve({ code: 0, description });
    }),
    route('submit', async (request) => {
      const fault = injected('submit', null);
      if (fault) return fault;
      const xml = await request.text();
      const elements = readXml(xml);
      if (typeof elements === 'string') return fail(4110, elements);
      const problem = reportProblem(elements, options.now());
      if (problem) return fail(4100, problem);
      const reportId = String(nextId++);
      const [openedAt, batched] = [nowIso(), has(elements, 'report/batchedReport')];
      const report = { reportId, openedAt, lastChangeAt: openedAt, batched, xml, files: [] };
      reports.set(reportId, { ...report, state: 'open' });
      return { code: 0, reportId };
    }),
    routeOnOpenReport('upload', async (report, form) => {
      const { reportId, files } = report;
      const file = form?.get('file');
      if (!(file instanceof File))
        return fail(4000, 'the form field file must hold a file', reportId);
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (bytes.length === 0) return fail(4200, 'the uploaded file is empty', reportId);
      // NCMEC's file ids look like 32 hex digits (section 6.2); derived, so tests are repeatable.
      const fileId = md5(`ncmec-mock:${reportId}:${String(files.length + 1)}`);
      const hash = md5(bytes);
      files.push({ fileId, fileName: file.name, md5: hash, size: bytes.length, detailsXml: null });
      touch(report);
      return { code: 0, reportId, fileId, hash };
    }),
    route('fileinfo', async (request) => {
      const xml = await request.text();
      const fault = injected(
        'fileinfo',
        /<reportId>\s*(\d+)\s*<\/reportId>/.exec(xml)?.[1] ?? null,
      );
      if (fault) return fault;
      const elements = readXml(xml);
      if (typeof elements === 'string') return fail(4110, elements);
      const ids = fileDetailsIds(elements);
      if (typeof ids === 'string') return fail(4100, ids);
      const { reportId, fileId } = ids;
      const report = openReport(reportId);
      if ('code' in report) return report;
      const file = report.files.find((f) => f.fileId === fileId);
      if (!file) return fail(5002, `no file ${fileId} in report ${reportId}`, reportId);
      // An assumed code: the documentation only says details "may be made once per uploaded file".
      if (file.detailsXml !== null)
        return fail(4000, `details of file ${fileId} were already submitted`, reportId);
      const problem =
        refusedValue(elements, options.now()) ??
        (report.batched ? batchedFileProblem(elements) : null);
      if (problem) return fail(4100, problem, reportId);
      file.detailsXml = xml;
      touch(report);
      return { code: 0, reportId };
    }),
    routeOnOpenReport('finish', (report) => {
      const { reportId, files } = report;
      if (report.batched && files.length > 1)
        return fail(4100, 'a batched report may hold only 1 uploaded file; retract it', reportId);
      report.state = 'finished';
      touch(report);
      return { code: 0, reportId, files: files.map((f) => f.fileId) };
    }),
    routeOnOpenReport('retract', (report) => {
      report.state = 'retracted';
      touch(report);
      return { code: 0, reportId: report.reportId };
    }),
  ];

  return {
    handlers,
    async fetch(request: Request): Promise<Response> {
      const response = await getResponse(handlers, request);
      if (!response) throw new Error(`mock NCMEC has no endpoint ${request.method} ${request.url}`);
      const lost = response.headers.get(LOST);
      if (lost !== null) {
        // NCMEC did the step; the connection dropped before its answer arrived.
        throw new TypeError(
          `fetch failed: the connection closed and NCMEC's ${lost} answer was lost`,
        );
      }
      return response;
    },
    get calls(): readonly NcmecCall[] {
      return calls.slice();
    },
    reports(): NcmecReport[] {
      return [...reports.keys()].flatMap((id) => {
        const report = lookUp(id);
        return report ? [structuredClone(report)] : [];
      });
    },
  };
}
