import { expect, test, vi } from 'vitest';
import { GENESIS_HASH } from '../../../api/audit-canonical';
import { AUDIT_PAGE_LIMIT, type AuditEvent } from '../../../api/schemas/audit';
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

test('a whole log of 12,000 events verifies in batches of the largest page, with progress', async () => {
  const { done, progress } = await run(chain(12_000), { firstSeq: 1, lastSeq: 12_000 });
  expect(done).toMatchObject({ checked: 12_000, failure: null, extendsRecordedHead: null });
  expect(progress).toEqual([5000, 10_000, 12_000]);
});

/** A read the test answers when it chooses. */
function pendingReads() {
  const asked: { fromSeq: number; answer: () => void; fail: () => void }[] = [];
  const events = chain(AUDIT_PAGE_LIMIT * 5);
  const read = (fromSeq: number, count: number) =>
    new Promise<AuditEvent[]>((resolve, reject) =>
      asked.push({
        fromSeq,
        answer: () => resolve(events.slice(fromSeq - 1, fromSeq - 1 + count)),
        fail: () => reject(new Error('the server went away')),
      }),
    );
  return { asked, events, read };
}

test('three reads are on their way at once: the next is asked for as each arrives', async () => {
  const { asked, read } = pendingReads();
  const messages: VerifyMessage[] = [];
  const verifying = verifyRange({ firstSeq: 1, lastSeq: AUDIT_PAGE_LIMIT * 5 }, read, (m) =>
    messages.push(m),
  );
  expect(asked.map((a) => a.fromSeq)).toEqual([1, 5001, 10_001]);
  asked[1]?.answer();
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(asked).toHaveLength(3); // answered out of turn: the first is still awaited
  asked[0]?.answer();
  // The first two are in: two more asked for, never more than three unanswered.
  await vi.waitFor(() =>
    expect(asked.map((a) => a.fromSeq)).toEqual([1, 5001, 10_001, 15_001, 20_001]),
  );
  for (const later of asked.slice(2)) later.answer();
  await verifying;
  expect(messages.at(-1)).toMatchObject({ type: 'done', checked: AUDIT_PAGE_LIMIT * 5 });
});

test('a read failing while it waits its turn stops verification with its error, unhandled nowhere', async () => {
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  try {
    const { asked, read } = pendingReads();
    const verifying = verifyRange({ firstSeq: 1, lastSeq: AUDIT_PAGE_LIMIT * 5 }, read, () => {});
    asked[2]?.fail();
    await new Promise((resolve) => setTimeout(resolve, 10));
    asked[0]?.answer();
    asked[1]?.answer();
    await expect(verifying).rejects.toThrow('the server went away');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).not.toHaveBeenCalled();
  } finally {
    process.off('unhandledRejection', unhandled);
  }
});

test('reads still on their way when the chain breaks are dropped quietly', async () => {
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  try {
    const { asked, events, read } = pendingReads();
    const tampered = events[10];
    if (!tampered) throw new Error('no event');
    events[10] = { ...tampered, detail: { i: 'edited' } };
    const messages: VerifyMessage[] = [];
    const verifying = verifyRange({ firstSeq: 1, lastSeq: AUDIT_PAGE_LIMIT * 5 }, read, (m) =>
      messages.push(m),
    );
    asked[0]?.answer();
    await verifying;
    expect(messages.at(-1)).toMatchObject({ type: 'done', failure: { seq: 11, reason: 'hash' } });
    asked[1]?.fail();
    asked[2]?.fail();
    asked[3]?.fail();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).not.toHaveBeenCalled();
  } finally {
    process.off('unhandledRejection', unhandled);
  }
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
