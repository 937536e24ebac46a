// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { readRecordedHead, recordHead } from './recorded-head';

const head = { seq: 12, hash: 'a'.repeat(64) };

describe('the chain head recorded in this browser', () => {
  beforeEach(() => localStorage.clear());

  it('reads back the head it recorded', () => {
    const recorded = recordHead('usr_aud', head, new Date('2026-11-30T10:00:00Z'));
    expect(readRecordedHead('usr_aud')).toEqual({ head: recorded, setAside: false });
    expect(recorded).toEqual({ ...head, recordedAt: '2026-11-30T10:00:00.000Z' });
  });

  it.each([
    ['not JSON', 'not json'],
    ['a seq that is text', JSON.stringify({ seq: '12', hash: head.hash, recordedAt: 'x' })],
    ['an older shape without its time', JSON.stringify(head)],
  ])('keeps a corrupt head (%s) aside under another key and says so', (_what, text) => {
    localStorage.setItem('verity.audit-head:usr_aud', text);
    expect(readRecordedHead('usr_aud')).toEqual({ head: null, setAside: true });
    expect(localStorage.getItem('verity.audit-head:usr_aud')).toBeNull();
    expect(localStorage.getItem('verity.audit-head-unreadable:usr_aud')).toBe(text);
    // Still said on the next visit, until a head is recorded again.
    expect(readRecordedHead('usr_aud')).toEqual({ head: null, setAside: true });
    recordHead('usr_aud', head, new Date());
    expect(readRecordedHead('usr_aud').setAside).toBe(false);
    expect(localStorage.getItem('verity.audit-head-unreadable:usr_aud')).toBe(text);
  });
});
