import { describe, expect, it } from 'vitest';
import type { Report } from '../../api/schemas/report';
import { appendAuditEvents } from '../audit/audit-chain';
import { readItems } from '../items/item-rows';
import type { TestServer } from '../testing/test-server';
import { serverPerFile } from '../testing/test-server-hooks';
import { reportKit } from './testing/report-kit';

let server: TestServer;
let kit: ReturnType<typeof reportKit>;
serverPerFile((opened) => {
  server = opened;
  kit = reportKit(server);
});

const ANA = 'usr_ana';
const SASHA = 'usr_sasha';

/** A one-file draft whose file is a blurred image nobody has viewed, and its item. */
async function draftWithRevealableFile() {
  const { reports } = await kit.list(ANA, '&status=draft');
  for (const summary of reports.filter((r) => r.fileCount === 1)) {
    const report = await kit.get(summary.id, ANA);
    const held = await readItems(server.database.db, report.files[0]?.itemIds ?? []);
    const item = held.find((i) => i.preview.mode === 'blurred' && i.media.kind === 'image');
    if (item && !report.files[0]?.fileViewedByEsp.viewed) return { report, itemId: item.id };
  }
  throw new Error('fixture: no draft with a revealable file');
}

const viewedOf = async (report: Report) =>
  (await kit.get(report.id, SASHA)).files[0]?.fileViewedByEsp;

/**
 * What the reveal endpoints record (tested with them): a reveal started, and, when its URL is
 * fetched, the original served whole.
 */
async function record(action: 'media.revealed' | 'media.served', itemId: string) {
  const { user } = await kit.as(ANA);
  const [event] = await server.database.db.transaction().execute((trx) =>
    appendAuditEvents(trx, [
      {
        at: server.clock.now.toISOString(),
        actor: { id: user.id, name: user.name, role: user.role },
        action,
        subject: { type: 'item', id: itemId },
        detail: { revealId: 'rvl_test', ...(action === 'media.served' ? { wholeFile: true } : {}) },
      },
    ]),
  );
  if (!event) throw new Error('nothing appended');
  return event;
}

describe('fileViewedByEsp: true only when the original was served to a person', () => {
  it('a reveal whose URL is never fetched leaves it false; serving the original makes it true', async () => {
    const { report, itemId } = await draftWithRevealableFile();
    await record('media.revealed', itemId);
    expect(await viewedOf(report)).toMatchObject({ viewed: false, evidence: null });
    const served = await record('media.served', itemId);
    expect(await viewedOf(report)).toEqual({
      viewed: true,
      evidence: { seq: served.seq, at: served.at, actor: served.actor, itemId },
      sentAt: null,
      viewedAfterFiling: null,
    });
  });

  it('is frozen once sent: a serving after the answer was sent shows as viewed after filing and changes nothing sent', async () => {
    const { report, itemId } = await draftWithRevealableFile();
    const sha256 = report.files[0]?.sha256 ?? '';
    // What the filing's fileinfo step keeps: the answer sent, and where the log stood then.
    const sentAt = server.clock.now.toISOString();
    const { seq } = await kit.head();
    await kit.rewrite(report.id, (stored) => {
      stored.viewedAsSent[sha256] = { viewed: false, evidence: null, sentAt, afterSeq: seq };
    });
    expect(await viewedOf(report)).toEqual({
      viewed: false,
      evidence: null,
      sentAt,
      viewedAfterFiling: null,
    });
    await record('media.served', itemId);
    const after = await viewedOf(report);
    expect(after).toMatchObject({ viewed: false, evidence: null, sentAt });
    expect(after?.viewedAfterFiling).toMatchObject({ itemId, actor: { id: 'usr_ana' } });
    const details = await kit.call(
      'GET',
      `/api/reports/${report.id}/files/${sha256}/file-details.xml`,
      SASHA,
    );
    expect(details.text).toContain('<fileViewedByEsp>false</fileViewedByEsp>');
  });
});
