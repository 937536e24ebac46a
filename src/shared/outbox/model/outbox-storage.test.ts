// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from './outbox-entry';
import { storedDecision } from './outbox-entry.test-support';
import { countSetAside, readEntries, writeEntry } from './outbox-storage';

function entry(itemId: string, userId = 'usr_ana'): OutboxEntry {
  return storedDecision(
    itemId,
    userId,
    { kind: 'confirm', classification: null, annotations: [] },
    1,
  );
}

const outboxKeys = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith('verity.outbox'))
    .sort();

describe('an outbox entry this console cannot read', () => {
  beforeEach(() => localStorage.clear());

  it('is kept aside under another key, with its text, and counted: never dropped, never sent', () => {
    const good = entry('itm_1');
    writeEntry(good);
    localStorage.setItem('verity.outbox:usr_ana:x', '{"not":"an entry"}');
    localStorage.setItem('verity.outbox:usr_ana:y', 'not json');

    expect(readEntries('usr_ana')).toEqual([good]);
    expect(outboxKeys()).toEqual([
      'verity.outbox-unreadable:usr_ana:x',
      'verity.outbox-unreadable:usr_ana:y',
      `verity.outbox:usr_ana:${good.key}`,
    ]);
    expect(localStorage.getItem('verity.outbox-unreadable:usr_ana:y')).toBe('not json');
    expect(countSetAside('usr_ana')).toBe(2);
    // Read again: nothing more is moved, and the count holds.
    expect(readEntries('usr_ana')).toEqual([good]);
    expect(countSetAside('usr_ana')).toBe(2);
    expect(countSetAside('usr_ben')).toBe(0);
  });

  it('is kept aside when stored in a shape older than any this console reads', () => {
    // Before decisions carried their request: the verdict stood alone.
    const prototype = {
      key: 'k1',
      userId: 'usr_ana',
      itemId: 'itm_1',
      verdict: 'confirm',
      madeAt: 5,
      state: 'sending',
    };
    localStorage.setItem('verity.outbox:usr_ana:k1', JSON.stringify(prototype));
    expect(readEntries('usr_ana')).toEqual([]);
    expect(JSON.parse(localStorage.getItem('verity.outbox-unreadable:usr_ana:k1') ?? '')).toEqual(
      prototype,
    );
    expect(countSetAside('usr_ana')).toBe(1);
  });

  it('upgrades an entry of the first version instead of setting it aside', () => {
    const { version: _version, ...current } = entry('itm_1');
    const { madeBy: _maker, ...v1Request } = current.request;
    localStorage.setItem(
      `verity.outbox:usr_ana:${current.key}`,
      JSON.stringify({ ...current, request: v1Request }),
    );
    expect(readEntries('usr_ana')).toHaveLength(1);
    expect(countSetAside('usr_ana')).toBe(0);
  });

  it('leaves in place an entry a newer console stored (another tab, mid-deployment)', () => {
    const newer = { ...entry('itm_1'), version: 3 };
    localStorage.setItem(`verity.outbox:usr_ana:${newer.key}`, JSON.stringify(newer));
    expect(readEntries('usr_ana')).toEqual([]);
    expect(outboxKeys()).toEqual([`verity.outbox:usr_ana:${newer.key}`]);
    expect(countSetAside('usr_ana')).toBe(0);
  });

  it('is another user’s to see: their unreadable entries stay where they are until they sign in', () => {
    localStorage.setItem('verity.outbox:usr_ben:x', 'not json');
    expect(readEntries('usr_ana')).toEqual([]);
    expect(outboxKeys()).toEqual(['verity.outbox:usr_ben:x']);
    expect(readEntries('usr_ben')).toEqual([]);
    expect(countSetAside('usr_ben')).toBe(1);
  });
});
