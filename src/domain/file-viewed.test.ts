import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../api/schemas/audit';
import { fileViewedByEsp } from './file-viewed';

let seq = 0;
function event(overrides: Partial<AuditEvent>): AuditEvent {
  seq += 1;
  return {
    seq,
    at: `2026-11-25T10:00:${String(seq).padStart(2, '0')}Z`,
    actor: { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst' },
    action: 'media.served',
    subject: { type: 'item', id: 'itm_1' },
    detail: { revealId: `rev_${seq}`, wholeFile: true },
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
    ...overrides,
  };
}

describe('fileViewedByEsp', () => {
  it('is false, with no evidence, when nobody revealed the file', () => {
    expect(fileViewedByEsp(['itm_1'], [event({ action: 'item.viewed' })])).toEqual({
      viewed: false,
      evidence: null,
      sentAt: null,
      viewedAfterFiling: null,
    });
  });

  it('is true when the whole original of any of its items was served to a person; the first serving proves it', () => {
    const first = event({ subject: { type: 'item', id: 'itm_2' } });
    const later = event({});
    expect(fileViewedByEsp(['itm_1', 'itm_2'], [first, later])).toEqual({
      viewed: true,
      evidence: { seq: first.seq, at: first.at, actor: first.actor, itemId: 'itm_2' },
      sentAt: null,
      viewedAfterFiling: null,
    });
  });

  it('is false after a reveal whose URL was never fetched: nothing was served', () => {
    expect(fileViewedByEsp(['itm_1'], [event({ action: 'media.revealed' })]).viewed).toBe(false);
  });

  it('once sent to NCMEC, stays as sent; a later serving shows as viewed after filing', () => {
    const before = event({ action: 'item.viewed' });
    const sent = { viewed: false, evidence: null, sentAt: before.at, afterSeq: before.seq };
    const served = event({});
    expect(fileViewedByEsp(['itm_1'], [before, served], sent)).toEqual({
      viewed: false,
      evidence: null,
      sentAt: before.at,
      viewedAfterFiling: { seq: served.seq, at: served.at, actor: served.actor, itemId: 'itm_1' },
    });
    const proof = { seq: served.seq, at: served.at, actor: served.actor, itemId: 'itm_1' };
    const viewed = { ...sent, viewed: true, evidence: proof };
    expect(fileViewedByEsp(['itm_1'], [served, event({})], viewed)).toMatchObject({
      viewed: true,
      viewedAfterFiling: null,
    });
  });

  it('does not count a reveal of part of the file, of another item, or by the system', () => {
    const events = [
      event({ detail: { revealId: 'r', wholeFile: false } }),
      event({ detail: { revealId: 'r' } }),
      event({ subject: { type: 'item', id: 'itm_other' } }),
      event({ actor: { id: 'sys', name: 'Scanner', role: 'system' } }),
      event({ action: 'media.reblurred' }),
    ];
    expect(fileViewedByEsp(['itm_1'], events).viewed).toBe(false);
  });
});
