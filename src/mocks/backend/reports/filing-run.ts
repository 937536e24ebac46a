import type { FileViewedByEsp } from '../../../api/schemas/report';
import type { FilingStep } from '../../../api/schemas/filing';
import type { Actor, User } from '../../../api/schemas/user';
import { fileDetailsXml, reportXml } from '../../../domain/cybertipline-xml';
import { preservationDeadline } from '../../../domain/preservation';
import type { MockState } from '../backend';
import { actorOf } from '../decisions';
import {
  MOCK_NCMEC_BASE_URL,
  MOCK_NCMEC_PASSWORD,
  MOCK_NCMEC_USERNAME,
} from '../../ncmec/mock-ncmec';
import {
  createNcmecClient,
  ncmecCodeMessage,
  type NcmecClient,
  type NcmecResult,
} from '../../../server/ncmec/ncmec-client';
import { recordStep, recordingFetch, type Exchange } from './filing-records';
import { recordReportChange } from './record';
import type { StoredReport } from './store';

/** Each step waits this long first, so a person can follow the sequence as it runs. */
export const FILING_STEP_MS = 150;

/** Who stops a filing when an item is no longer confirmed: the server's check, not a person. */
export const FILING_CHECK: Actor = {
  id: 'sys_filing',
  name: 'Filing check',
  role: 'system',
};

const utcMinute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** The synthetic original file the server holds: it never reaches the browser. */
const originalBytes = (sha256: string) =>
  new TextEncoder().encode(`verity mock original ${sha256}`);

/** Why the report may not go on to NCMEC's finish: its items no longer all confirmed; or null. */
export function unconfirmedReason(state: MockState, report: StoredReport): string | null {
  const items = state.reports.itemsOf(report).filter((i) => i.status !== 'confirmed');
  if (items.length === 0) return null;
  const described = items.map((item) => {
    const latest = state.decisions.get(item.id)?.at(-1);
    const what = item.status === 'dismissed' ? 'dismissed' : item.status.replaceAll('_', ' ');
    return latest
      ? `${item.id} (${what} by ${latest.actor.name} at ${utcMinute(latest.at)})`
      : `${item.id} (${what})`;
  });
  return `${described.join(', ')} ${items.length === 1 ? 'is' : 'are'} no longer confirmed`;
}

function retracted(state: MockState, report: StoredReport, actor: Actor, now: Date) {
  report.status = 'retracted';
  if (!report.filing) return;
  report.filing.state = 'retracted';
  report.filing.error = null;
  recordReportChange(state, report, actor, now, 'report.retracted', {
    ncmecReportId: report.filing.ncmecReportId,
    reason: report.filing.retraction?.reason ?? null,
  });
}

/**
 * Turns the filing into a retraction, for `reason`: nothing more is submitted and NCMEC is asked
 * to cancel what it opened (`retracting`); when it opened nothing, the report is `retracted` at once.
 */
export function beginRetraction(
  state: MockState,
  report: StoredReport,
  by: Actor,
  reason: string,
  now: Date,
): 'retracting' | 'retracted' {
  const filing = report.filing;
  if (!filing) return 'retracted';
  filing.retraction = { reason, by, at: now.toISOString() };
  if (filing.ncmecReportId === null) {
    retracted(state, report, by, now);
    return 'retracted';
  }
  if (!filing.steps.some((s) => s.step === 'retract')) {
    filing.steps.push({
      step: 'retract',
      sha256: null,
      state: 'pending',
      at: null,
      ncmecCode: null,
      message: null,
    });
  }
  recordReportChange(state, report, by, now, 'report.updated', { filing: 'retract', reason });
  return 'retracting';
}

/** Stops the filing before NCMEC's finish when an item is no longer confirmed; true if it did. */
function stopIfUnconfirmed(state: MockState, report: StoredReport, now: Date): boolean {
  const unconfirmed = unconfirmedReason(state, report);
  if (unconfirmed === null || report.filing?.retraction) return false;
  const reason = `${unconfirmed}, so the report was not finished: what NCMEC received is retracted. Reopen it as a draft to report what is still confirmed.`;
  beginRetraction(state, report, FILING_CHECK, reason, now);
  return true;
}

function filed(state: MockState, report: StoredReport, actor: Actor, filedAt: string, now: Date) {
  const filing = report.filing;
  if (!filing?.ncmecReportId) return;
  filing.state = 'finished';
  filing.error = null;
  report.status = 'filed';
  report.filed = {
    ncmecReportId: filing.ncmecReportId,
    filedAt,
    preservationDeadline: preservationDeadline(filedAt),
  };
  recordReportChange(state, report, actor, now, 'report.filed', {
    ncmecReportId: filing.ncmecReportId,
  });
}

function stop(
  state: MockState,
  report: StoredReport,
  actor: Actor,
  step: FilingStep,
  code: number | null,
  message: string,
  now: Date,
) {
  const filing = report.filing;
  if (!filing) return;
  step.state = 'failed';
  step.message = message;
  filing.state = 'failed';
  filing.error = { ncmecCode: code, message };
  recordReportChange(state, report, actor, now, 'report.filing_failed', {
    step: step.step,
    ncmecCode: code,
  });
}

/**
 * NCMEC answered 5102 (already finished) to a step after submit: an earlier finish went through
 * though its answer was lost. The report is filed, as of that finish; nothing is sent again.
 */
function finishedAtNcmec(
  state: MockState,
  report: StoredReport,
  actor: Actor,
  step: FilingStep,
  now: Date,
) {
  const finish = report.filing?.steps.find((s) => s.step === 'finish');
  if (finish && finish !== step && finish.state !== 'done') {
    finish.state = 'done';
    finish.message =
      'NCMEC’s answer to this finish was lost; its later answer 5102 (already finished) shows that the finish went through.';
  }
  step.state = step === finish ? 'done' : 'failed';
  step.message =
    step.step === 'retract'
      ? 'Not retracted: NCMEC had already finished the report (5102), so it is filed.'
      : ncmecCodeMessage(5102);
  filed(state, report, actor, finish?.at ?? now.toISOString(), now);
}

/** The next step to send: a retraction first, once asked for; else the first not done. */
function nextStep(steps: readonly FilingStep[]): FilingStep | undefined {
  return (
    steps.find((s) => s.step === 'retract' && s.state !== 'done') ??
    steps.find((s) => s.step !== 'retract' && s.state !== 'done')
  );
}

/**
 * Runs the filing's open steps in order. Before each step, and in the same synchronous turn that
 * records each answer (nothing can change an item in between), it checks that every item is still
 * confirmed; if one is not, it sends no further step but a retraction. A step's answer decides:
 * 0 done; 5102 filed already (a finish whose answer was lost); a retraction answered 5101 or 5001
 * is done too (NCMEC cancelled it already, or it expired); anything else, or no answer, stops.
 */
export async function runFiling(
  state: MockState,
  report: StoredReport,
  user: User,
  clock: () => Date,
) {
  const filing = report.filing;
  if (!filing) return;
  const actor = actorOf(user);
  const exchange: Exchange = { sent: null, answer: null };
  const ncmec = createNcmecClient({
    fetch: recordingFetch((request) => state.ncmec.fetch(request), exchange),
    baseUrl: MOCK_NCMEC_BASE_URL,
    username: MOCK_NCMEC_USERNAME,
    password: MOCK_NCMEC_PASSWORD,
  });
  for (;;) {
    const step = nextStep(filing.steps);
    if (!step || report.filing !== filing || filing.state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, FILING_STEP_MS));
    if (step.step !== 'retract' && stopIfUnconfirmed(state, report, clock())) continue;
    const sentAfterSeq = state.audit.head.seq;
    let result: NcmecResult | null = null;
    let failure = '';
    let viewed: FileViewedByEsp | null = null;
    exchange.sent = null;
    exchange.answer = null;
    try {
      const sending = send(step, report, state, ncmec);
      viewed = sending.viewed;
      result = await sending.answer;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    // From here to the next await, one synchronous turn: recorded and checked at once.
    const now = clock();
    step.at = now.toISOString();
    step.ncmecCode = result?.code ?? null;
    recordStep(state, report, actor, step, exchange, result, now);
    if (result === null) {
      const then =
        step.step === 'finish'
          ? 'If NCMEC received the finish, resuming or retracting finds the report filed (5102).'
          : 'Resume to try again.';
      return stop(
        state,
        report,
        actor,
        step,
        null,
        `No answer from NCMEC: ${failure}. ${then}`,
        now,
      );
    }
    const { code } = result;
    if (code === 5102 && step.step !== 'submit')
      return finishedAtNcmec(state, report, actor, step, now);
    if (step.step === 'retract' && (code === 0 || code === 5101 || code === 5001)) {
      step.state = 'done';
      step.message = code === 0 ? null : ncmecCodeMessage(code);
      return retracted(state, report, actor, now);
    }
    if (code !== 0 || (step.step === 'submit' && !result.reportId)) {
      const said = result.description ? ` NCMEC said: ${result.description}` : '';
      return stop(state, report, actor, step, code, `${ncmecCodeMessage(code)}${said}`, now);
    }
    step.state = 'done';
    step.message = null;
    if (step.step === 'submit') filing.ncmecReportId = result.reportId ?? null;
    if (step.step === 'upload' && step.sha256 && result.fileId)
      report.ncmecFileIds[step.sha256] = result.fileId;
    if (step.step === 'fileinfo' && step.sha256 && viewed)
      report.viewedAsSent[step.sha256] = {
        viewed: viewed.viewed,
        evidence: viewed.evidence,
        sentAt: step.at,
        afterSeq: sentAfterSeq,
      };
    if (step.step === 'finish') return filed(state, report, actor, step.at, now);
    stopIfUnconfirmed(state, report, now);
  }
}

/** Sends one step; for fileinfo, also the `fileViewedByEsp` answer the document carries. */
function send(
  step: FilingStep,
  report: StoredReport,
  state: MockState,
  ncmec: NcmecClient,
): { answer: Promise<NcmecResult>; viewed: FileViewedByEsp | null } {
  const reportId = report.filing?.ncmecReportId ?? '';
  const sha256 = step.sha256 ?? '';
  const only = (answer: Promise<NcmecResult>) => ({ answer, viewed: null });
  switch (step.step) {
    case 'submit':
      return only(ncmec.submit(reportXml(state.reports.present(report))));
    case 'upload': {
      const file = report.files.find((f) => f.sha256 === sha256);
      return only(ncmec.upload(reportId, file?.fileName ?? sha256, originalBytes(sha256)));
    }
    case 'fileinfo': {
      const shown = state.reports.present(report);
      const file = shown.files.find((f) => f.sha256 === sha256);
      if (!file) throw new Error(`file ${sha256} left the report`);
      const ids = { reportId, fileId: report.ncmecFileIds[sha256] ?? '' };
      return {
        answer: ncmec.fileinfo(fileDetailsXml(shown, file, ids)),
        viewed: file.fileViewedByEsp,
      };
    }
    case 'finish':
      return only(ncmec.finish(reportId));
    case 'retract':
      return only(ncmec.retract(reportId));
  }
}
