import { expect, test } from 'vitest';
import type { AuditEvent } from '../../../api/schemas/audit';
import { auditSentence } from './audit-sentence';

const ana = { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst' } as const;

const event = (
  action: AuditEvent['action'],
  detail: AuditEvent['detail'],
  subject: AuditEvent['subject'] = { type: 'item', id: 'itm_cf5a006s' },
): AuditEvent => ({
  seq: 7,
  at: '2026-11-28T15:55:40.592Z',
  actor: ana,
  action,
  subject,
  detail,
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
});

test('a decision says who decided what, at which review, on which version, and where it left the item', () => {
  expect(
    auditSentence(
      event('item.decided', {
        decisionId: 'dec_cf5a006s_1',
        stage: 'first',
        verdict: 'confirm',
        classification: 'A1',
        outcome: 'awaiting_second_review',
        itemVersion: 3,
      }),
    ),
  ).toBe(
    'Ana Ortiz confirmed itm_cf5a006s (A1) at first review, version 3: it now awaits a second review.',
  );
  expect(
    auditSentence(
      event('item.decided', {
        stage: 'second',
        verdict: 'dismiss',
        reason: 'adult_content',
        outcome: 'escalated',
        itemVersion: 4,
        clusterOf: 'itm_other',
      }),
    ),
  ).toBe(
    'Ana Ortiz dismissed itm_cf5a006s as adult content at second review, version 4, with the cluster of itm_other: it went to the supervisors.',
  );
});

test('an older decision event without classification or outcome still reads', () => {
  expect(
    auditSentence(event('item.decided', { stage: 'first', verdict: 'confirm', itemVersion: 1 })),
  ).toBe('Ana Ortiz confirmed itm_cf5a006s at first review, version 1.');
});

test('reveals, their ends, views and claims read as what happened', () => {
  expect(auditSentence(event('media.revealed', { revealId: 'rev_1', wholeFile: true }))).toBe(
    'Ana Ortiz revealed the original of itm_cf5a006s (the whole image).',
  );
  expect(
    auditSentence(
      event('media.reblurred', { revealId: 'rev_1', durationMs: 10_020, reason: 'timeout' }),
    ),
  ).toBe('itm_cf5a006s blurred again for Ana Ortiz after 10 s, when its time ran out.');
  expect(auditSentence(event('item.viewed', { previewMode: 'hash_only' }))).toBe(
    'Ana Ortiz viewed itm_cf5a006s (hashes only).',
  );
  expect(
    auditSentence(event('item.claimed', { expiresAt: '2026-11-28T16:00:40Z', renewal: false })),
  ).toBe('Ana Ortiz claimed itm_cf5a006s until 2026-11-28T16:00:40Z.');
});

test('a bar on a second review names the event read, never the verdict it held', () => {
  const sentence = auditSentence(
    event('item.second_review_barred', {
      reason: 'read_first_verdict',
      auditSeq: 11,
      released: true,
    }),
  );
  expect(sentence).toBe(
    'Ana Ortiz read the first verdict of itm_cf5a006s (event 11) and may no longer make its blind second review; their hold on it was released.',
  );
  expect(sentence).not.toMatch(/confirm|dismiss/i);
});

test('a sentence is made from its own event only: an event without a verdict tells none', () => {
  for (const action of ['item.viewed', 'item.claimed', 'media.revealed'] as const) {
    // Even if such an event carried verdict-like fields, its sentence would not repeat them.
    expect(auditSentence(event(action, { verdict: 'confirm', classification: 'A1' }))).not.toMatch(
      /confirm|A1/,
    );
  }
});

test('reports, sessions and exports read as sentences; the system is “Verity”', () => {
  expect(
    auditSentence({
      ...event('report.created', { files: 2, items: 3 }, { type: 'report', id: 'rep_1' }),
      actor: { id: 'system', name: 'Verity', role: 'system' },
    }),
  ).toBe('Verity drafted rep_1 (2 files from 3 items).');
  expect(
    auditSentence(
      event('report.approved', { status: 'approved', version: 4 }, { type: 'report', id: 'rep_1' }),
    ),
  ).toBe('Ana Ortiz approved rep_1 (now approved, version 4).');
  expect(
    auditSentence(
      event(
        'session.ended',
        { reason: 'idle_timeout', idleMinutes: 30 },
        { type: 'session', id: 'usr_ana' },
      ),
    ),
  ).toBe('Ana Ortiz’s session expired after 30 minutes idle.');
  expect(
    auditSentence(
      event(
        'audit.exported',
        { format: 'csv', events: 42, filter: '{"subjectId":"itm_x"}' },
        { type: 'audit', id: 'audit_log' },
      ),
    ),
  ).toBe('Ana Ortiz exported 42 events as CSV (filter {"subjectId":"itm_x"}).');
});

test('an undo names the decision taken back and what it was', () => {
  expect(
    auditSentence(
      event('item.decision_undone', {
        decisionId: 'dec_cf5a006s_2',
        stage: 'first',
        verdict: 'dismiss',
        reason: 'duplicate',
      }),
    ),
  ).toBe(
    'Ana Ortiz took back dec_cf5a006s_2, which dismissed itm_cf5a006s as duplicate at first review.',
  );
});

test('a refused attempt says who tried what, and why it was refused, in the server’s words', () => {
  expect(
    auditSentence(
      event('item.decision_refused', {
        stage: 'second',
        itemVersion: 3,
        madeBy: 'usr_ana',
        status: 403,
        refusal: 'forbidden',
        message:
          'You made the first review of this item: the second review must be someone else’s.',
      }),
    ),
  ).toBe(
    'Ana Ortiz tried a second-review decision on itm_cf5a006s, version 3, and was refused (403, forbidden): You made the first review of this item: the second review must be someone else’s.',
  );
  expect(
    auditSentence(
      event('item.claim_refused', { status: 409, refusal: 'held', message: 'Held by Ben Okafor.' }),
    ),
  ).toBe('Ana Ortiz tried to claim itm_cf5a006s and was refused (409, held): Held by Ben Okafor.');
  expect(auditSentence(event('media.reveal_refused', { status: 403, refusal: 'forbidden' }))).toBe(
    'Ana Ortiz tried to reveal the original of itm_cf5a006s and was refused (403, forbidden).',
  );
  expect(
    auditSentence(
      event(
        'report.approval_refused',
        { reportVersion: 4, status: 403, refusal: 'four_eyes', message: 'You edited it.' },
        { type: 'report', id: 'rep_1' },
      ),
    ),
  ).toBe('Ana Ortiz tried to approve rep_1 and was refused (403, four_eyes): You edited it.');
});

test('a copied URL says which URL of which subject, in the defanged form the event holds, and which form was copied', () => {
  const url = 'hxxps://img[.]example[.]com/a.jpg';
  expect(auditSentence(event('url.copied', { url, field: 'source_url', form: 'defanged' }))).toBe(
    `Ana Ortiz copied the source URL ${url} of itm_cf5a006s in its defanged form.`,
  );
  expect(
    auditSentence(
      event(
        'url.copied',
        { url, field: 'file_location', form: 'live' },
        { type: 'report', id: 'rep_1' },
      ),
    ),
  ).toBe(
    `Ana Ortiz copied the file location ${url} of rep_1 as a live URL, after confirming it is untrusted.`,
  );
});
