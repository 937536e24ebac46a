// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { DecisionRequest } from '../../../api/schemas/decision';
import {
  afterFailure,
  nextToSend,
  retryDelay,
  sendingVerdict,
  useOutbox,
  type OutboxEntry,
} from './outbox';
import { readEntries } from './outbox-storage';

const request = (kind: 'confirm' | 'escalate'): DecisionRequest => ({
  verdict:
    kind === 'confirm'
      ? { kind, classification: null, annotations: [] }
      : { kind, reason: 'Needs a supervisor' },
  note: null,
  itemVersion: 1,
  idempotencyKey: crypto.randomUUID(),
});

let clock = 1_000;
function entry(
  itemId: string,
  state: OutboxEntry['state'] = 'sending',
  kind: 'confirm' | 'escalate' = 'confirm',
  userId = 'usr_ana',
): OutboxEntry {
  const req = request(kind);
  return {
    key: req.idempotencyKey,
    userId,
    itemId,
    request: req,
    madeAt: clock++,
    state,
    attempts: 0,
  };
}

describe('sendingVerdict', () => {
  it('applies a decision that is sending, waiting to retry or waiting for a sign-in', () => {
    expect(sendingVerdict([entry('itm_1', 'sending')], 'itm_1')?.kind).toBe('confirm');
    expect(sendingVerdict([entry('itm_1', 'retrying', 'escalate')], 'itm_1')?.kind).toBe(
      'escalate',
    );
    expect(sendingVerdict([entry('itm_1', 'signin')], 'itm_1')?.kind).toBe('confirm');
  });

  it('rolls back a decision the server refused, and ignores other items', () => {
    expect(sendingVerdict([entry('itm_1', 'conflict')], 'itm_1')).toBeNull();
    expect(sendingVerdict([entry('itm_1', 'rejected')], 'itm_1')).toBeNull();
    expect(sendingVerdict([entry('itm_2', 'sending')], 'itm_1')).toBeNull();
  });

  it('shows the latest of several on one item', () => {
    const entries = [entry('itm_1', 'conflict'), entry('itm_1', 'sending', 'escalate')];
    expect(sendingVerdict(entries, 'itm_1')?.kind).toBe('escalate');
  });
});

describe('the sending order', () => {
  it('sends the oldest unsent decision first, whatever order the list is in', () => {
    const first = entry('itm_1');
    const second = entry('itm_2');
    expect(nextToSend([second, first], 0)?.key).toBe(first.key);
  });

  it('holds later decisions behind one waiting for its retry, then sends it when due', () => {
    const first = { ...entry('itm_1', 'retrying'), retryAt: 5_000 };
    const second = entry('itm_2');
    expect(nextToSend([first, second], 4_999)).toBeNull();
    expect(nextToSend([first, second], 5_000)?.key).toBe(first.key);
  });

  it('skips notices and decisions waiting for a sign-in', () => {
    const later = entry('itm_3');
    expect(nextToSend([entry('itm_1', 'conflict'), entry('itm_2', 'signin'), later], 0)?.key).toBe(
      later.key,
    );
    expect(nextToSend([entry('itm_1', 'rejected')], 0)).toBeNull();
  });
});

describe('a failed attempt', () => {
  it('backs off 1 s, 2 s, 4 s … up to 30 s after no answer or a 5xx, keeping its key', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(retryDelay)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    const sent = entry('itm_1');
    const once = afterFailure(sent, 0, 'offline', 10_000);
    expect(once).toMatchObject({ state: 'retrying', attempts: 1, retryAt: 11_000 });
    const twice = afterFailure(once, 503, 'unavailable', 20_000);
    expect(twice).toMatchObject({ state: 'retrying', attempts: 2, retryAt: 22_000 });
    expect(twice.key).toBe(sent.key);
    expect(twice.request.idempotencyKey).toBe(sent.request.idempotencyKey);
  });

  it('waits for a sign-in after a 401, and is taken out with the message after a 409 or 4xx', () => {
    expect(afterFailure(entry('itm_1'), 401, 'signed out', 0).state).toBe('signin');
    expect(afterFailure(entry('itm_1'), 409, 'decided by Ben', 0)).toMatchObject({
      state: 'conflict',
      message: 'decided by Ben',
    });
    expect(afterFailure(entry('itm_1'), 400, 'bad', 0).state).toBe('rejected');
  });
});

describe('the outbox in this browser', () => {
  beforeEach(() => {
    localStorage.clear();
    useOutbox.setState({ entries: [] });
  });

  it('keeps each decision until it is removed, readable after a reload by its user only', () => {
    const mine = entry('itm_1');
    useOutbox.getState().put(mine);
    useOutbox.getState().put(entry('itm_2', 'sending', 'confirm', 'usr_ben'));
    expect(readEntries('usr_ana').map((e) => e.key)).toEqual([mine.key]);

    useOutbox.setState({ entries: [] }); // the tab closes
    useOutbox.getState().load('usr_ana');
    expect(useOutbox.getState().entries.map((e) => e.key)).toEqual([mine.key]);
    useOutbox.getState().remove(mine.key);
    expect(readEntries('usr_ana')).toEqual([]);
  });

  it('sends decisions kept for a sign-in again once the user is back', () => {
    useOutbox.getState().put(entry('itm_1', 'signin'));
    useOutbox.getState().load('usr_ana');
    expect(useOutbox.getState().entries[0]?.state).toBe('sending');
  });

  it('ignores a stored entry that does not parse, or that names another user', () => {
    localStorage.setItem('verity.outbox:usr_ana:x', '{"not":"an entry"}');
    localStorage.setItem('verity.outbox:usr_ana:y', 'not json');
    const bens = entry('itm_1', 'sending', 'confirm', 'usr_ben');
    localStorage.setItem(`verity.outbox:usr_ana:${bens.key}`, JSON.stringify(bens));
    expect(readEntries('usr_ana')).toEqual([]);
  });

  it('retries at once what waits for a retry when the browser is back online', () => {
    useOutbox.getState().put({ ...entry('itm_1', 'retrying'), retryAt: Date.now() + 60_000 });
    useOutbox.getState().retryNow();
    expect(nextToSend(useOutbox.getState().entries, Date.now())?.itemId).toBe('itm_1');
  });
});
