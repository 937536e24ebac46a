import { expect, test } from 'vitest';
import { GENESIS_HASH, auditHashInput } from '../../api/audit-canonical';
import { AuditEvent } from '../../api/schemas/audit';
import { createAuditLog, sha256Hex, type NewAuditEvent } from './audit-log';

const newEvent = (n: number): NewAuditEvent => ({
  at: `2026-01-02T03:04:0${n}.000Z`,
  actor: { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst' },
  action: 'session.started',
  subject: { type: 'session', id: 'usr_ana' },
  detail: { method: 'demo' },
});

test('the first event links to the genesis hash and gets the fixed-vector hash', () => {
  const log = createAuditLog();
  const first = log.append(newEvent(5));
  expect(first.seq).toBe(1);
  expect(first.prevHash).toBe(GENESIS_HASH);
  expect(first.hash).toBe('34baa5fa3c6a659c24cfeb05920d654bf3437db7da100813ee5f249a3ec375ff');
});

test('appending keeps the chain: consecutive seq, each prevHash the previous hash, each hash recomputable', () => {
  const log = createAuditLog();
  for (let n = 0; n < 5; n++) log.append(newEvent(n));
  const events = log.range(1, 5);
  expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  events.forEach((event, i) => {
    expect(AuditEvent.safeParse(event).success).toBe(true);
    expect(event.prevHash).toBe(i === 0 ? GENESIS_HASH : events[i - 1]?.hash);
    const { hash, ...rest } = event;
    expect(hash).toBe(sha256Hex(auditHashInput(rest)));
  });
  expect(log.head).toEqual({ seq: 5, hash: events[4]?.hash });
});

test('stored events cannot be edited in place, down to their leaves, nor through the input', () => {
  const log = createAuditLog();
  const input = newEvent(1);
  const event = log.append(input);
  expect(() => Object.assign(event, { action: 'item.decided' })).toThrow();
  expect(() => Object.assign(event.actor, { name: 'Someone else' })).toThrow();
  expect(() => Object.assign(event.detail, { method: 'forged' })).toThrow();
  input.actor.name = 'Someone else';
  input.detail.method = 'forged';
  expect(log.range(1, 1)[0]).toMatchObject({
    actor: { name: 'Ana Ortiz' },
    detail: { method: 'demo' },
  });
});

test('an empty log has the genesis head', () => {
  expect(createAuditLog().head).toEqual({ seq: 0, hash: GENESIS_HASH });
});
