import type { FilingStep } from '../../../api/schemas/filing';
import type { Report } from '../../../api/schemas/report';
import type { FilingAction } from '../../../api/schemas/report-workflow';
import type { User } from '../../../api/schemas/user';
import { blockers, reportChecklist } from '../../../domain/report-checklist';
import { fileDetailsXml, reportXml } from '../../../domain/cybertipline-xml';
import type { MockState } from '../backend';
import { actorOf } from '../decisions';
import {
  MOCK_NCMEC_BASE_URL,
  MOCK_NCMEC_PASSWORD,
  MOCK_NCMEC_USERNAME,
} from '../../ncmec/mock-ncmec';
import { createNcmecClient, ncmecCodeMessage, type NcmecResult } from '../../ncmec/ncmec-client';
import { checkVersion, recordReportChange } from './record';
import { ReportRefusal, refuseNcmecRefused } from './refusal';
import type { StoredReport } from './store';

/** Each step waits this long first, so a person can follow the sequence as it runs. */
export const FILING_STEP_MS = 150;
const YEAR_MS = 365 * 24 * 3600 * 1000;

const pending = (step: FilingStep['step'], sha256: string | null = null): FilingStep => ({
  step,
  sha256,
  state: 'pending',
  at: null,
  ncmecCode: null,
  message: null,
});

/** The synthetic original file the server holds: it never reaches the browser. */
const originalBytes = (sha256: string) =>
  new TextEncoder().encode(`verity mock original ${sha256}`);

/**
 * The CyberTipline filing (shared/cybertipline/README.md), run by the server: `submit` → `upload`
 * per file → `fileinfo` per file → `finish`. Each step done is kept with its result and never
 * sent again, so a stopped filing resumes where it stopped and a report is never filed twice; it
 * can be retracted instead. Only the approving supervisor, the report's reporter, files it.
 */
export function fileReport(
  state: MockState,
  report: StoredReport,
  user: User,
  { version, action }: FilingAction,
  now: Date,
): void {
  checkVersion(report, version);
  // The reporter files: starts, resumes and retracts.
  if (report.reporter?.userId !== user.id) {
    throw new ReportRefusal(
      403,
      'forbidden',
      `Only ${report.reporter?.name ?? 'the approving supervisor'}, who approved it and is its reporter, can file it.`,
    );
  }
  const unconfirmed = state.reports.itemsOf(report).filter((i) => i.status !== 'confirmed');
  if (action !== 'retract' && unconfirmed.length > 0) {
    throw new ReportRefusal(
      409,
      'not_confirmed',
      `${unconfirmed.map((i) => i.id).join(', ')} is no longer confirmed: retract this filing and reopen the report.`,
    );
  }
  const filing = report.filing;
  if (action === 'start') {
    if (report.status !== 'approved') {
      throw new ReportRefusal(409, 'not_approved', 'Only an approved report can be filed.');
    }
    const entries = reportChecklist(report, now);
    refuseNcmecRefused(entries);
    const blocking = blockers(entries, 'file');
    if (blocking.length > 0) {
      throw new ReportRefusal(
        409,
        'incomplete',
        `Not complete: ${blocking.map((e) => e.label).join(', ')}.`,
      );
    }
    report.status = 'filing';
    report.filing = {
      state: 'running',
      startedBy: actorOf(user),
      startedAt: now.toISOString(),
      ncmecReportId: null,
      steps: [
        pending('submit'),
        ...report.files.flatMap((f) => [
          pending('upload', f.sha256),
          pending('fileinfo', f.sha256),
        ]),
        pending('finish'),
      ],
      error: null,
    };
  } else {
    if (report.status !== 'filing' || !filing || filing.state !== 'failed') {
      throw new ReportRefusal(
        409,
        'not_stopped',
        'Only a filing that stopped can be resumed or retracted.',
      );
    }
    if (action === 'retract') {
      if (filing.ncmecReportId === null) {
        // Nothing was opened at NCMEC: there is nothing to cancel there.
        return retracted(state, report, user, now);
      }
      if (!filing.steps.some((s) => s.step === 'retract')) filing.steps.push(pending('retract'));
    }
    filing.state = 'running';
    filing.error = null;
  }
  recordReportChange(
    state,
    report,
    actorOf(user),
    now,
    action === 'start' ? 'report.filing_started' : 'report.updated',
    {
      filing: action,
    },
  );
  void run(state, report, user);
}

function retracted(state: MockState, report: StoredReport, user: User, now: Date) {
  report.status = 'retracted';
  if (report.filing) report.filing.state = 'retracted';
  recordReportChange(state, report, actorOf(user), now, 'report.retracted', {
    ncmecReportId: report.filing?.ncmecReportId ?? null,
  });
}

/**
 * NCMEC's answers that say a resent step had already happened: a finish whose first answer was
 * lost (5102, already finished), a retraction of a report NCMEC already cancelled or let expire
 * (5101, 5001). Treating them as failures would leave the report stuck.
 */
const alreadyDone = (step: FilingStep, code: number) =>
  (step.step === 'finish' && code === 5102) ||
  (step.step === 'retract' && (code === 5101 || code === 5001));

async function run(state: MockState, report: StoredReport, user: User) {
  const filing = report.filing;
  if (!filing) return;
  const ncmec = createNcmecClient({
    fetch: (request) => state.ncmec.fetch(request),
    baseUrl: MOCK_NCMEC_BASE_URL,
    username: MOCK_NCMEC_USERNAME,
    password: MOCK_NCMEC_PASSWORD,
  });
  const presented = (): Report => state.reports.present(report);
  const open = filing.steps.filter((s) => s.state !== 'done');
  // A retraction runs alone: the steps it cancels are not sent.
  const retraction = open.filter((s) => s.step === 'retract');
  for (const step of retraction.length > 0 ? retraction : open) {
    await new Promise((resolve) => setTimeout(resolve, FILING_STEP_MS));
    let result: NcmecResult;
    try {
      result = await send(step, report, presented, ncmec);
    } catch (error) {
      return stop(
        state,
        report,
        user,
        step,
        null,
        `Could not reach NCMEC: ${error instanceof Error ? error.message : String(error)}. Resume to try again.`,
      );
    }
    const now = new Date();
    step.at = now.toISOString();
    step.ncmecCode = result.code;
    if (result.code !== 0 && !alreadyDone(step, result.code)) {
      return stop(
        state,
        report,
        user,
        step,
        result.code,
        `${ncmecCodeMessage(result.code)}${result.description ? ` NCMEC said: ${result.description}` : ''}`,
      );
    }
    step.state = 'done';
    step.message = result.code === 0 ? null : ncmecCodeMessage(result.code);
    if (step.step === 'submit' && result.reportId) filing.ncmecReportId = result.reportId;
    if (step.step === 'upload' && step.sha256 && result.fileId)
      report.ncmecFileIds[step.sha256] = result.fileId;
    report.version += 1;
    report.updatedAt = step.at;
    if (step.step === 'retract') return retracted(state, report, user, now);
    if (step.step === 'finish' && filing.ncmecReportId) {
      filing.state = 'finished';
      report.status = 'filed';
      report.filed = {
        ncmecReportId: filing.ncmecReportId,
        filedAt: step.at,
        preservationDeadline: new Date(now.getTime() + YEAR_MS).toISOString(),
      };
      recordReportChange(state, report, actorOf(user), now, 'report.filed', {
        ncmecReportId: filing.ncmecReportId,
      });
    }
  }
}

function send(
  step: FilingStep,
  report: StoredReport,
  presented: () => Report,
  ncmec: ReturnType<typeof createNcmecClient>,
): Promise<NcmecResult> {
  const reportId = report.filing?.ncmecReportId ?? '';
  const sha256 = step.sha256 ?? '';
  switch (step.step) {
    case 'submit':
      return ncmec.submit(reportXml(presented()));
    case 'upload': {
      const file = report.files.find((f) => f.sha256 === sha256);
      return ncmec.upload(reportId, file?.fileName ?? sha256, originalBytes(sha256));
    }
    case 'fileinfo': {
      const shown = presented();
      const file = shown.files.find((f) => f.sha256 === sha256);
      if (!file) throw new Error(`file ${sha256} left the report`);
      return ncmec.fileinfo(
        fileDetailsXml(shown, file, { reportId, fileId: report.ncmecFileIds[sha256] ?? '' }),
      );
    }
    case 'finish':
      return ncmec.finish(reportId);
    case 'retract':
      return ncmec.retract(reportId);
  }
}

function stop(
  state: MockState,
  report: StoredReport,
  user: User,
  step: FilingStep,
  code: number | null,
  message: string,
) {
  const filing = report.filing;
  if (!filing) return;
  step.state = 'failed';
  step.message = message;
  filing.state = 'failed';
  filing.error = { ncmecCode: code, message };
  recordReportChange(state, report, actorOf(user), new Date(), 'report.filing_failed', {
    step: step.step,
    ncmecCode: code,
  });
}
