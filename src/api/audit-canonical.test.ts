import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { GENESIS_HASH, auditHashInput, canonicalJson } from './audit-canonical';

test('canonical JSON sorts keys at every level and drops whitespace', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
    '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
  );
});

test('canonical JSON escapes strings as JSON.stringify does', () => {
  expect(canonicalJson({ s: 'line\n"quote" \u202e <script>' })).toBe(
    '{"s":"line\\n\\"quote\\" \u202e <script>"}',
  );
});

const event = {
  seq: 1,
  at: '2026-01-02T03:04:05.000Z',
  actor: { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst' as const },
  action: 'session.started' as const,
  subject: { type: 'session' as const, id: 'usr_ana' },
  detail: { method: 'demo' },
  prevHash: GENESIS_HASH,
};

test('the hash input of an event is its canonical JSON without `hash` (fixed vector)', () => {
  expect(auditHashInput(event)).toBe(
    '{"action":"session.started","actor":{"id":"usr_ana","name":"Ana Ortiz","role":"analyst"},' +
      '"at":"2026-01-02T03:04:05.000Z","detail":{"method":"demo"},' +
      '"prevHash":"0000000000000000000000000000000000000000000000000000000000000000",' +
      '"seq":1,"subject":{"id":"usr_ana","type":"session"}}',
  );
});

test('the hash of the fixed event is a stable SHA-256 (fixed vector)', () => {
  const hash = createHash('sha256').update(auditHashInput(event)).digest('hex');
  expect(hash).toBe(FIXED_EVENT_HASH);
});

// SHA-256 of the canonical string above; a real backend must produce the same.
const FIXED_EVENT_HASH = '34baa5fa3c6a659c24cfeb05920d654bf3437db7da100813ee5f249a3ec375ff';

test('the hash input is exactly the generic canonical JSON, whatever the strings and detail keys', () => {
  const names = ['line\n"quote"', '\u202e<script>', '=HYPERLINK("x")', 'ünï ✓', ''];
  const details = [{}, { z: 'x', a: 1, m: null, b: true }, { 10: 'ten', 9: 'nine', b: 'x' }];
  for (const name of names)
    for (const detail of details) {
      const hostile = { ...event, actor: { ...event.actor, name }, detail };
      const { seq, at, actor, action, subject, prevHash } = hostile;
      expect(auditHashInput(hostile)).toBe(
        canonicalJson({ seq, at, actor, action, subject, detail, prevHash }),
      );
    }
});
