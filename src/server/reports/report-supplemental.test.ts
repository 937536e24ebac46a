import { describe, expect, it } from 'vitest';
import { Report } from '../../api/schemas/report';
import { readItems } from '../items/item-rows';
import type { TestServer } from '../testing/test-server';
import { serverPerFile } from '../testing/test-server-hooks';
import { incidentKey } from './draft-fields';
import { reportKit } from './testing/report-kit';

let server: TestServer;
let kit: ReturnType<typeof reportKit>;
serverPerFile((opened) => {
  server = opened;
  kit = reportKit(server);
});

const ANA = 'usr_ana';

/** Explained by Ana, submitted by her, approved by Sasha. */
async function approve(report: Report) {
  await kit.explainGaps(report, ANA);
  const submitted = await kit.transition(await kit.get(report.id, ANA), ANA, 'in_review');
  return kit.transition(submitted, 'usr_sasha', 'approved');
}

/**
 * A draft whose incident still has an item waiting for review, filed (marked filed as a finished
 * filing leaves it: filing is tested with the filing); and that item.
 */
async function filedWithMoreToCome() {
  const { reports } = await kit.list(ANA, '&status=draft');
  const waiting = await readItems(
    server.database.db,
    [
      ...(await kit.itemIds('pending')),
      ...(await kit.itemIds('awaiting_second_review')),
      ...(await kit.itemIds('escalated')),
    ].map((i) => i.id),
  );
  for (const summary of reports) {
    const draft = await kit.get(summary.id, ANA);
    const sent = new Set(draft.files.map((f) => f.sha256));
    const key = (await kit.stored(draft.id)).incidentKey;
    const later = waiting.find((i) => incidentKey(i) === key && !sent.has(i.media.sha256));
    if (!later) continue;
    const approved = await approve(draft);
    await kit.markFiled(approved.id, server.clock.now.toISOString(), '81000001');
    return { filed: await kit.get(draft.id, ANA), later };
  }
  throw new Error('fixture: no incident with an item still to review');
}

const supplementalTo = async (report: Report) =>
  Report.parse((await kit.call('POST', `/api/reports/${report.id}/supplemental`, ANA)).json);

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
    const submit = await kit.call('POST', `/api/reports/${supplemental.id}/transitions`, ANA, {
      version: supplemental.version,
      to: 'in_review',
      comment: null,
    });
    expect(submit.status).toBe(409);
    expect(submit.text).toMatch(/only what is new/);
  });

  it('is one at a time: two requests at once make one draft, and the other is told which', async () => {
    const { filed } = await filedWithMoreToCome();
    const path = `/api/reports/${filed.id}/supplemental`;
    const answers = await Promise.all([
      kit.call('POST', path, ANA),
      kit.call('POST', path, 'usr_sasha'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const made = Report.parse(answers.find((a) => a.status === 201)?.json);
    expect(answers.find((a) => a.status === 409)?.text).toContain(made.id);
    const supplementals = (await kit.allStored()).filter((r) => r.priorReport?.id === filed.id);
    expect(supplementals.map((r) => r.id)).toEqual([made.id]);
  });

  it('a newly confirmed item of the incident joins it', async () => {
    const { filed, later } = await filedWithMoreToCome();
    const supplemental = await supplementalTo(filed);
    await kit.setItemStatus(later.id, 'confirmed');
    const grown = await kit.get(supplemental.id, ANA);
    expect(grown.files.map((f) => f.sha256)).toEqual([later.media.sha256]);
    expect((await approve(grown)).status).toBe('approved');
  });

  it('refuses a file an earlier report of the chain already sent', async () => {
    const { filed } = await filedWithMoreToCome();
    const supplemental = await supplementalTo(filed);
    // A file whose bytes the original sent, held by another item: as when an item with the same
    // bytes is confirmed later, into a draft its file is then moved out of.
    const sent = new Set(filed.files.flatMap((f) => f.itemIds));
    const twin = (await kit.itemIds('confirmed')).find((i) => !sent.has(i.id));
    const [file] = filed.files;
    if (!twin || !file) throw new Error('fixture');
    const { fileViewedByEsp: _derived, ...stored } = file;
    await kit.rewrite(supplemental.id, (report) => {
      report.files.push({ ...structuredClone(stored), itemIds: [twin.id] });
    });
    const submit = await kit.call('POST', `/api/reports/${supplemental.id}/transitions`, ANA, {
      version: supplemental.version,
      to: 'in_review',
      comment: null,
    });
    expect(submit.status).toBe(409);
    expect(submit.text).toMatch(/already sent/);
  });
});
