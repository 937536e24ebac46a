import { describe, expect, it } from 'vitest';
import { Report } from '../../api/schemas/report';
import { file, settled, sasha } from '../../test/filing';
import { signInForTest, testBackend } from '../../test/mock-server';
import { call, explainGaps, getReport, listReports, transition } from '../../test/reports';
import { incidentKey } from '../../server/reports/draft-fields';

const ana = () => signInForTest('usr_ana').cookie;

/** Explained by Ana, submitted by her, approved by Sasha. */
async function approve(report: Report) {
  await explainGaps(report, ana());
  const submitted = await transition(await getReport(report.id, ana()), ana(), 'in_review');
  return transition(submitted, sasha(), 'approved');
}

/** A draft whose incident still has an item waiting for review, filed; and that item. */
async function filedWithMoreToCome() {
  const { reports } = await listReports(ana(), '&status=draft');
  for (const summary of reports) {
    const draft = await getReport(summary.id, ana());
    const sent = new Set(draft.files.map((f) => f.sha256));
    const key = testBackend.state.reports.get(draft.id).incidentKey;
    const later = testBackend.state.items.find(
      (i) => i.status !== 'confirmed' && incidentKey(i) === key && !sent.has(i.media.sha256),
    );
    if (!later) continue;
    await file(await approve(draft));
    return { filed: await settled(draft.id), later };
  }
  throw new Error('fixture: no incident with an item still to review');
}

const supplementalTo = async (report: Report) =>
  Report.parse((await call('POST', `/api/reports/${report.id}/supplemental`, ana())).json);

describe('a supplemental report carries only what is new', () => {
  it('starts with none of the original’s files, and cannot be submitted before something new is in it', async () => {
    const { filed } = await filedWithMoreToCome();
    const supplemental = await supplementalTo(filed);
    expect(supplemental).toMatchObject({
      status: 'draft',
      files: [],
      webPages: [],
      additionalInfo: '',
      priorReport: { id: filed.id, ncmecReportId: filed.filed?.ncmecReportId },
    });
    const submit = await call('POST', `/api/reports/${supplemental.id}/transitions`, ana(), {
      version: supplemental.version,
      to: 'in_review',
      comment: null,
    });
    expect(submit.status).toBe(409);
    expect(submit.text).toMatch(/only what is new/);
  });

  it('a newly confirmed item of the incident joins it; filed, NCMEC receives that file only, linked to the prior report', async () => {
    const { filed, later } = await filedWithMoreToCome();
    const supplemental = await supplementalTo(filed);
    later.status = 'confirmed';
    testBackend.state.reports.itemChanged(later, new Date());
    const grown = await getReport(supplemental.id, ana());
    expect(grown.files.map((f) => f.sha256)).toEqual([later.media.sha256]);

    await file(await approve(grown));
    const second = await settled(supplemental.id);
    expect(second.status).toBe('filed');
    const [first, atNcmec] = testBackend.state.ncmec.reports();
    expect(atNcmec?.files).toHaveLength(1);
    expect(first?.files).toHaveLength(filed.files.length);
    const prior = `<priorCTReports>${filed.filed?.ncmecReportId ?? ''}</priorCTReports>`;
    const linked = `Supplemental to CyberTipline report ${filed.filed?.ncmecReportId ?? ''}`;
    if (filed.reportedPerson === null) expect(atNcmec?.xml).not.toContain('<personOrUserReported');
    else expect(atNcmec?.xml).toContain(prior);
    expect(atNcmec?.xml).toContain(linked);
  });

  it('refuses a file an earlier report of the chain already sent', async () => {
    const { filed } = await filedWithMoreToCome();
    const supplemental = testBackend.state.reports.get((await supplementalTo(filed)).id);
    // A file whose bytes the original sent, held by another item: as when an item with the same
    // bytes is confirmed later, into a draft its file is then moved out of.
    const sent = new Set(filed.files.flatMap((f) => f.itemIds));
    const twin = testBackend.state.items.find((i) => i.status === 'confirmed' && !sent.has(i.id));
    if (!twin) throw new Error('fixture');
    supplemental.files.push({ ...structuredClone(filed.files[0]!), itemIds: [twin.id] });
    const submit = await call('POST', `/api/reports/${supplemental.id}/transitions`, ana(), {
      version: supplemental.version,
      to: 'in_review',
      comment: null,
    });
    expect(submit.status).toBe(409);
    expect(submit.text).toMatch(/already sent/);
  });
});
