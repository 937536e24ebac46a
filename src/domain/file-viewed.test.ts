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
    action: 'media.revealed',
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
    });
  });

  it('is true when a person revealed the whole file of any of its items; the first reveal proves it', () => {
    const first = event({ subject: { type: 'item', id: 'itm_2' } });
    const later = event({});
    expect(fileViewedByEsp(['itm_1', 'itm_2'], [first, later])).toEqual({
      viewed: true,
      evidence: { seq: first.seq, at: first.at, actor: first.actor, itemId: 'itm_2' },
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
