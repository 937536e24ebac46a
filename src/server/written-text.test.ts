import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DecisionResult } from '../api/schemas/decision';
import { Report } from '../api/schemas/report';
import hostile from './demo/fixtures/hostile-strings.json';
import { decide, decisionsOf, freePendingItems, isNcmecMatch } from './decisions/review-test-kit';
import { reportKit } from './reports/testing/report-kit';
import { openTestServer, type TestServer } from './testing/test-server';

/**
 * What a person writes (a note, a rationale, a rejection's comment) is stored as sent, spaces and
 * all, hostile or not; only text that says nothing where something must be said is refused (400).
 */

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(() => server.close());
beforeEach(() => server.reset());

const written = [' javascript:alert(1)', '\t=1+1', 'two lines\n', ...hostile.csv.slice(0, 3)];

test('a decision’s note and a correction’s rationale are kept exactly as written', async () => {
  const ana = await server.signIn('usr_ana');
  const sasha = await server.signIn('usr_sasha');
  const items = (await freePendingItems(server, (i) => !isNcmecMatch(i))).slice(0, written.length);
  for (const [i, text] of written.entries()) {
    const item = items[i];
    if (!item) throw new Error('not enough pending items');
    const decided = DecisionResult.parse(
      await (
        await decide(ana, item.id, {
          verdict: { kind: 'dismiss', reason: 'other' },
          note: text,
          itemVersion: item.version,
          idempotencyKey: `written-${i}-decision`,
        })
      ).json(),
    );
    expect(decided.decision.note).toBe(text);
    const corrected = await sasha.send('POST', `/api/items/${item.id}/corrections`, {
      supersedes: decided.decision.id,
      verdict: { kind: 'confirm', classification: 'A2', annotations: [] },
      rationale: text,
      itemVersion: decided.item.version,
      idempotencyKey: `written-${i}-correction`,
    });
    expect(corrected.status).toBe(200);
    expect((await decisionsOf(server, item.id)).map((d) => d.note)).toEqual([text, text]);
  }
});

test('text that says nothing where something must be said is refused, not stored', async () => {
  const ana = await server.signIn('usr_ana');
  const [item] = await freePendingItems(server);
  if (!item) throw new Error('no pending item');
  const blankOther = await decide(ana, item.id, {
    verdict: { kind: 'dismiss', reason: 'other' },
    note: ' \t ',
    itemVersion: item.version,
    idempotencyKey: 'written-blank-note',
  });
  expect(blankOther.status).toBe(400);
  const blankEscalation = await decide(ana, item.id, {
    verdict: { kind: 'escalate', reason: ' \n ' },
    note: null,
    itemVersion: item.version,
    idempotencyKey: 'written-blank-reason',
  });
  expect(blankEscalation.status).toBe(400);
  expect(await decisionsOf(server, item.id)).toEqual([]);
});

test('a rejection’s comment is kept as written; a blank one is refused', async () => {
  const kit = reportKit(server);
  const { reports } = await kit.list('usr_ana', '&status=draft');
  const draft = await kit.get(reports[0]?.id ?? '', 'usr_ana');
  const explained = Report.parse((await kit.explainGaps(draft, 'usr_ana')).json);
  const submitted = await kit.transition(explained, 'usr_ana', 'in_review');
  expect(submitted.status).toBe('in_review');
  const blank = await kit.call('POST', `/api/reports/${submitted.id}/transitions`, 'usr_sasha', {
    to: 'rejected',
    comment: '   ',
    version: submitted.version,
  });
  expect(blank.status).toBe(400);
  const rejected = await kit.transition(submitted, 'usr_sasha', 'rejected', ' =HYPERLINK("x")\t');
  expect(rejected.review?.comment).toBe(' =HYPERLINK("x")\t');
});
