import { createHash } from 'node:crypto';
import { ncmecCodeMeaning } from '../../ncmec/ncmec-client';
import { NCMEC_SLOW_MS, ncmecAnswerLost, ncmecFault, ncmecSlow } from './ncmec-faults';
import { answer, type Outcome } from './ncmec-answer';
import {
  memoryNcmecStore,
  replay,
  type DemoNcmecStore,
  type NcmecCall,
  type NcmecEndpoint,
  type NcmecReport,
} from './demo-ncmec-store';
import {
  batchedFileProblem,
  fileDetailsIds,
  has,
  readXml,
  refusedValue,
  reportProblem,
} from './ncmec-xml';

/**
 * An in-process stand-in for NCMEC's CyberTipline Reporting API, as NCMEC documents it to
 * registered reporters (docs/decisions/0005-reports-and-filing.md), so the demo can run the whole
 * filing sequence. It is never mounted on the HTTP server: the browser must not be able to reach
 * "NCMEC"; only the server's filing calls it, through the fetch it is given. It checks what
 * NCMEC's documentation states beyond the XSD (every value rule of
 * `src/domain/ncmec-value-rules.ts` and the rules across values; batched reports), not the XSD.
 * What it received is kept in its own store, outside the server's database.
 */
export const DEMO_NCMEC_BASE_URL = 'https://ncmec.demo/ispws';
export const DEMO_NCMEC_USERNAME = 'verity-demo';
export const DEMO_NCMEC_PASSWORD = 'demo-secret';

const FIRST_REPORT_ID = 90000001; // report ids are xs:long; these look like NCMEC's, not like ours
const HOUR = 3_600_000;

export interface DemoNcmec {
  /** Answers a request in-process; a request to no endpoint is a bug in the caller: it throws. */
  fetch(request: Request): Promise<Response>;
  /** Every call received, in order, with the code answered. */
  readonly calls: readonly NcmecCall[];
  /** NCMEC's side of things: each report's state, files and received XML (copies). */
  reports(): NcmecReport[];
}

const fail = (code: number, detail: string, reportId: string | null = null): Outcome => ({
  code,
  description: `${ncmecCodeMeaning(code)}: ${detail}`,
  reportId,
});
const md5 = (data: string | Uint8Array) => createHash('md5').update(data).digest('hex');
const ENDPOINTS: readonly NcmecEndpoint[] = [
  'status',
  'submit',
  'upload',
  'fileinfo',
  'finish',
  'retract',
];

export function createDemoNcmec(options: {
  now: () => Date;
  faults: () => readonly string[];
  /** Where it keeps what it received; in memory unless given. */
  store?: DemoNcmecStore;
  /** How long `ncmec:<endpoint>:slow` holds a request back (tests shorten it). */
  slowMs?: number;
}): DemoNcmec {
  const store = options.store ?? memoryNcmecStore();
  const { calls, reports } = replay(store.load());
  let nextId = Math.max(FIRST_REPORT_ID, ...[...reports.keys()].map((id) => Number(id) + 1));
  const nowIso = () => options.now().toISOString();
  const expectedAuth = `${DEMO_NCMEC_USERNAME}:${DEMO_NCMEC_PASSWORD}`;
  const save = (report: NcmecReport) => store.append({ kind: 'report', report });

  const authorised = (request: Request) => {
    const token = /^Basic\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];
    return token !== undefined && Buffer.from(token, 'base64').toString('utf8') === expectedAuth;
  };
  const injected = (endpoint: NcmecEndpoint, reportId: string | null) => {
    const code = ncmecFault(options.faults(), endpoint);
    return code === null ? null : fail(code, `injected by the demo's fault list`, reportId);
  };

  /** The report, after NCMEC's expiry: unfinished, it lapses 24 h after opening or 1 h after its last change. */
  const lookUp = (reportId: string) => {
    const report = reports.get(reportId);
    if (report?.state !== 'open') return report;
    const lapse = Math.max(
      Date.parse(report.openedAt) + 24 * HOUR,
      Date.parse(report.lastChangeAt) + HOUR,
    );
    if (options.now().getTime() > lapse) {
      report.state = 'retracted'; // "automatically cancelled"
      save(report);
    }
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
  /** A change to a report, recorded for good before NCMEC answers. */
  const changed = (report: NcmecReport) => {
    report.lastChangeAt = nowIso();
    save(report);
  };

  /** upload, finish and retract name their report in the form field `id` (section 6). */
  const onOpenReport =
    (
      endpoint: 'upload' | 'finish' | 'retract',
      act: (report: NcmecReport, form: FormData | null) => Outcome | Promise<Outcome>,
    ) =>
    async (request: Request): Promise<Outcome> => {
      const form = await request.formData().catch(() => null);
      const id = form?.get('id');
      const reportId = typeof id === 'string' && /^\d{1,18}$/.test(id.trim()) ? id.trim() : null;
      const fault = injected(endpoint, reportId);
      if (fault) return fault;
      if (!reportId) return fail(4000, 'the form field id must hold a report id');
      const report = openReport(reportId);
      return 'code' in report ? report : act(report, form);
    };

  const act: Record<NcmecEndpoint, (request: Request) => Promise<Outcome>> = {
    status: () =>
      Promise.resolve({
        code: 0,
        description: `Remote User : ${DEMO_NCMEC_USERNAME}, Remote Ip : 127.0.0.1`,
      }),
    async submit(request) {
      const fault = injected('submit', null);
      if (fault) return fault;
      const xml = await request.text();
      const elements = readXml(xml);
      if (typeof elements === 'string') return fail(4110, elements);
      const problem = reportProblem(elements, options.now());
      if (problem) return fail(4100, problem);
      const reportId = String(nextId++);
      const openedAt = nowIso();
      const batched = has(elements, 'report/batchedReport');
      const report: NcmecReport = {
        reportId,
        state: 'open',
        openedAt,
        lastChangeAt: openedAt,
        batched,
        xml,
        files: [],
      };
      reports.set(reportId, report);
      save(report);
      return { code: 0, reportId };
    },
    upload: onOpenReport('upload', async (report, form) => {
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
      changed(report);
      return { code: 0, reportId, fileId, hash };
    }),
    async fileinfo(request) {
      const xml = await request.text();
      const named = /<reportId>\s*(\d+)\s*<\/reportId>/.exec(xml)?.[1] ?? null;
      const fault = injected('fileinfo', named);
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
      changed(report);
      return { code: 0, reportId };
    },
    finish: onOpenReport('finish', (report) => {
      const { reportId, files } = report;
      if (report.batched && files.length > 1)
        return fail(4100, 'a batched report may hold only 1 uploaded file; retract it', reportId);
      report.state = 'finished';
      changed(report);
      return { code: 0, reportId, files: files.map((f) => f.fileId) };
    }),
    retract: onOpenReport('retract', (report) => {
      report.state = 'retracted';
      changed(report);
      return { code: 0, reportId: report.reportId };
    }),
  };

  return {
    async fetch(request) {
      const url = new URL(request.url);
      const endpoint = ENDPOINTS.find(
        (e) =>
          `${DEMO_NCMEC_BASE_URL}/${e}` === `${url.origin}${url.pathname}` &&
          request.method === (e === 'status' ? 'GET' : 'POST'),
      );
      if (!endpoint) throw new Error(`demo NCMEC has no endpoint ${request.method} ${request.url}`);
      // On its way: NCMEC has not received it yet.
      if (ncmecSlow(options.faults(), endpoint))
        await new Promise((resolve) => setTimeout(resolve, options.slowMs ?? NCMEC_SLOW_MS));
      const outcome = authorised(request)
        ? await act[endpoint](request)
        : fail(2000, 'send the CyberTipline credentials with HTTP Basic authentication');
      const call = {
        at: nowIso(),
        endpoint,
        reportId: outcome.reportId ?? null,
        responseCode: outcome.code,
      };
      calls.push(call);
      store.append({ kind: 'call', call });
      const response = answer(endpoint, outcome, `demo-${String(calls.length)}`);
      // NCMEC did the step; the connection dropped before its answer arrived.
      if (ncmecAnswerLost(options.faults(), endpoint))
        throw new TypeError(
          `fetch failed: the connection closed and NCMEC's ${endpoint} answer was lost`,
        );
      return response;
    },
    get calls() {
      return calls.slice();
    },
    reports() {
      return [...reports.keys()].flatMap((id) => {
        const report = lookUp(id);
        return report ? [structuredClone(report)] : [];
      });
    },
  };
}
