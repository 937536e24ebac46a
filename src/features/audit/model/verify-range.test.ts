import { expect, test } from 'vitest';
import { GENESIS_HASH } from '../../../api/audit-canonical';
import type { AuditEvent } from '../../../api/schemas/audit';
import { chainEvents } from '../../../server/audit/audit-chain';
import type { VerifyMessage } from './verify-protocol';
import { verifyRange } from './verify-range';

function chain(count: number): AuditEvent[] {
  return chainEvents(
    { seq: 0, hash: GENESIS_HASH },
    Array.from({ length: count }, (_, i) => ({
      at: new Date(Date.UTC(2026, 10, 25, 9, 0, i)).toISOString(),
      actor: { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst' as const },
      action: 'item.viewed',
      subject: { type: 'item' as const, id: `itm_${i}` },
      detail: { i },
    })),
  );
}

async function run(events: AuditEvent[], job: Parameters<typeof verifyRange>[0]) {
  const messages: VerifyMessage[] = [];
  await verifyRange(
    job,
    (fromSeq, count) => Promise.resolve(events.slice(fromSeq - 1, fromSeq - 1 + count)),
    (message) => messages.push(message),
  );
  const done = messages.at(-1);
  if (done?.type !== 'done') throw new Error('no result');
  const progress = messages.flatMap((m) => (m.type === 'progress' ? [m.checked] : []));
  return { done, progress };
}

test('a whole log of 2,500 events verifies in batches, with progress', async () => {
  const { done, progress } = await run(chain(2500), { firstSeq: 1, lastSeq: 2500 });
  expect(done).toMatchObject({ checked: 2500, failure: null, extendsRecordedHead: null });
  expect(progress).toEqual([1000, 2000, 2500]);
});

test('a range is anchored on the event before it, whose own hash is checked', async () => {
  const events = chain(50);
  expect((await run(events, { firstSeq: 20, lastSeq: 40 })).done.failure).toBeNull();
  const anchor = events[18];
  if (!anchor) throw new Error('no event');
  events[18] = { ...anchor, detail: { i: 'edited' } };
  expect((await run(events, { firstSeq: 20, lastSeq: 40 })).done.failure).toMatchObject({
    seq: 19,
    reason: 'hash',
    stored: anchor.hash,
    prevHash: anchor.prevHash,
  });
});

test('a log shorter than the range is named where it ends', async () => {
  const { done } = await run(chain(30), { firstSeq: 1, lastSeq: 40 });
  expect(done.failure).toMatchObject({ seq: 31, reason: 'missing' });
});

test('a recorded head is checked wherever it lies in the range', async () => {
  const events = chain(1500);
  const head = { seq: 1200, hash: events[1199]?.hash ?? '' };
  const ok = await run(events, { firstSeq: 1, lastSeq: 1500, recordedHead: head });
  expect(ok.done.extendsRecordedHead).toBe(true);
  const other = await run(events, {
    firstSeq: 1,
    lastSeq: 1500,
    recordedHead: { ...head, hash: 'f'.repeat(64) },
  });
  expect(other.done.extendsRecordedHead).toBe(false);
});
