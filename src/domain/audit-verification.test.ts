import { expect, test } from 'vitest';
import { GENESIS_HASH, auditHashInput } from '../api/audit-canonical';
import type { AuditEvent } from '../api/schemas/audit';
import { sha256Hex } from '../lib/sha256-hex';
import { chainEvents, sha256Hex as nodeSha256Hex } from '../server/audit/audit-chain';
import { createChainVerifier, extendsHead } from './audit-verification';

function log(count: number, note = 'a'): AuditEvent[] {
  return chainEvents(
    { seq: 0, hash: GENESIS_HASH },
    Array.from({ length: count }, (_, i) => ({
      at: new Date(Date.UTC(2026, 10, 25, 10, 0, i)).toISOString(),
      actor: { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst' },
      action: 'item.viewed',
      subject: { type: 'item', id: `itm_${i}` },
      detail: { note, i },
    })),
  );
}
const verify = (events: readonly AuditEvent[]) =>
  createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex }).push(events);

test('the browser hasher agrees with the server’s', () => {
  for (const text of ['', 'abc', 'ünïcødé ✓', '{"a":1}'])
    expect(sha256Hex(text)).toBe(nodeSha256Hex(text));
});

test('an untouched log verifies', () => {
  const events = log(50);
  const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
  expect(verifier.push(events.slice(0, 20))).toBeNull();
  expect(verifier.push(events.slice(20))).toBeNull();
  expect(verifier.checked).toBe(50);
});

test('a changed field is named by its seq', () => {
  const events = log(10);
  const seventh = events[6];
  if (!seventh) throw new Error('no event');
  const edited = { ...seventh, detail: { ...seventh.detail, note: 'edited' } };
  events[6] = edited;
  // What differs: the hash its content gives against the one it stores; its link still holds.
  expect(verify(events)).toEqual({
    seq: 7,
    reason: 'hash',
    message: 'Event 7 was changed: its content no longer matches its hash.',
    expected: sha256Hex(auditHashInput(edited)),
    stored: seventh.hash,
    prevHash: events[5]?.hash,
    linkHolds: true,
  });
});

test('a removed event and a reordered pair are found', () => {
  const events = log(10);
  expect(verify([...events.slice(0, 4), ...events.slice(5)])).toMatchObject({
    seq: 5,
    reason: 'missing',
    expected: null,
    stored: null,
  });
  const [a, b] = [events[3], events[4]];
  if (!a || !b) throw new Error('no events');
  expect(verify([...events.slice(0, 3), b, a, ...events.slice(5)])).toMatchObject({
    seq: 4,
    reason: 'missing',
  });
});

test('a link that does not hold is found even when the hash was recomputed', () => {
  const events = log(5);
  const third = events[2];
  if (!third) throw new Error('no event');
  const forged = { ...third, prevHash: 'f'.repeat(64) };
  events[2] = forged;
  // What differs: the link it stores against the hash of the event before it.
  expect(verify(events)).toMatchObject({
    seq: 3,
    reason: 'link',
    expected: events[1]?.hash,
    stored: 'f'.repeat(64),
    prevHash: 'f'.repeat(64),
    linkHolds: false,
  });
});

test('a log rewritten consistently from the start verifies, but no longer extends a recorded head', () => {
  const original = log(20);
  const recorded = { seq: 15, hash: original[14]?.hash ?? '' };
  const rewritten = log(25, 'b'); // every event re-hashed: a chain that holds on its own
  expect(verify(rewritten)).toBeNull();
  expect(extendsHead(recorded, rewritten[14])).toBe(false);
  expect(extendsHead(recorded, original[14])).toBe(true);
});
