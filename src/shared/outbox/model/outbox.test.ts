// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { DecisionRequest, ItemDetail } from '../../../api/schemas/decision';
import {
  afterCheck,
  afterCheckFailure,
  afterFailure,
  nextToSend,
  nextWake,
  retryDelay,
  sendingVerdict,
  useOutbox,
} from './outbox';
import type { OutboxEntry } from './outbox-entry';
import { readEntries } from './outbox-storage';

const request = (kind: 'confirm' | 'escalate', madeBy = 'usr_ana'): DecisionRequest => ({
  verdict:
    kind === 'confirm'
      ? { kind, classification: null, annotations: [] }
      : { kind, reason: 'Needs a supervisor' },
  note: null,
  itemVersion: 1,
  idempotencyKey: crypto.randomUUID(),
  madeBy,
});
const failure = (status: number, message: string, code = `http_${status}`) => ({
  status,
  code,
  message,
});

let clock = 1_000;
function entry(
  itemId: string,
  state: OutboxEntry['state'] = 'sending',
  kind: 'confirm' | 'escalate' = 'confirm',
  userId = 'usr_ana',
): OutboxEntry {
  const req = request(kind, userId);
  return {
    version: 2,
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
    const once = afterFailure(sent, failure(0, 'offline'), 10_000);
    expect(once).toMatchObject({ state: 'retrying', attempts: 1, retryAt: 11_000 });
    const twice = afterFailure(once, failure(503, 'unavailable'), 20_000);
    expect(twice).toMatchObject({ state: 'retrying', attempts: 2, retryAt: 22_000 });
    expect(twice.key).toBe(sent.key);
    expect(twice.request.idempotencyKey).toBe(sent.request.idempotencyKey);
  });

  it('waits for a sign-in after a 401, and is taken out with the message after a 409 or 4xx', () => {
    expect(afterFailure(entry('itm_1'), failure(401, 'signed out'), 0).state).toBe('signin');
    expect(
      afterFailure(entry('itm_1'), failure(409, 'decided by Ben', 'already_decided'), 0),
    ).toMatchObject({
      state: 'conflict',
      message: 'decided by Ben',
    });
    expect(afterFailure(entry('itm_1'), failure(400, 'bad', 'invalid_request'), 0).state).toBe(
      'rejected',
    );
  });

  it('waits for its maker when the server says someone else is signed in, never refused', () => {
    const refused = failure(403, 'Ben is signed in', 'maker_mismatch');
    expect(afterFailure(entry('itm_1'), refused, 0).state).toBe('signin');
    expect(afterFailure(entry('itm_1'), failure(403, 'not yours', 'forbidden'), 0).state).toBe(
      'rejected',
    );
  });

  it('treats a success whose answer cannot be read as an unknown outcome to check, not a refusal', () => {
    const unread = afterFailure(entry('itm_1'), failure(200, 'bad body', 'malformed_response'), 7);
    expect(unread).toMatchObject({ state: 'checking', retryAt: 7, attempts: 1 });
    expect(nextToSend([unread], 7)?.key).toBe(unread.key);
  });

  it('retries what is not the server’s refusal: a 4xx without its reason, 408, 425, 429', () => {
    const proxyPage = afterFailure(entry('itm_1'), failure(404, 'Not Found'), 0);
    expect(proxyPage).toMatchObject({ state: 'retrying', retryAt: 1_000 });
    for (const status of [408, 425, 429])
      expect(afterFailure(entry('itm_1'), failure(status, 'later', 'slow_down'), 0).state).toBe(
        'retrying',
      );
  });
});

describe('checking an unknown outcome', () => {
  const detail = (decisions: ItemDetail['decisions']) => ({ decisions }) as ItemDetail;
  const recorded = (e: OutboxEntry, actorId = e.userId) => ({
    id: 'dec_1_1',
    itemId: e.itemId,
    itemVersion: e.request.itemVersion,
    stage: 'first' as const,
    verdict: e.request.verdict,
    supersedes: null,
    note: null,
    actor: { id: actorId, name: 'Someone', role: 'analyst' as const },
    at: '2026-11-30T00:00:00.000Z',
  });

  it('is done when the item holds the maker’s decision on that version', () => {
    const checking = { ...entry('itm_1'), state: 'checking' as const };
    expect(afterCheck(checking, detail([recorded(checking)]), 0)).toBeNull();
  });

  it('sends it again, same key, after a backoff, when the item holds no such decision (or only someone else’s)', () => {
    const checking = { ...entry('itm_1'), state: 'checking' as const, attempts: 1 };
    const again = afterCheck(checking, detail([recorded(checking, 'usr_ben')]), 0);
    expect(again).toMatchObject({ state: 'retrying', retryAt: 2_000, key: checking.key });
  });

  it('keeps checking with a backoff while the server cannot be read, and waits for a sign-in on 401', () => {
    const checking = { ...entry('itm_1'), state: 'checking' as const };
    const later = afterCheckFailure(
      checking,
      failure(200, 'bad body', 'malformed_response'),
      1_000,
    );
    expect(later).toMatchObject({ state: 'checking', attempts: 1, retryAt: 2_000 });
    expect(nextWake([later])).toBe(2_000);
    expect(afterCheckFailure(checking, failure(401, 'signed out'), 0).state).toBe('signin');
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

  it('sends decisions kept for a sign-in again once the user is back, not on any other tab’s change', () => {
    useOutbox.getState().put(entry('itm_1', 'signin'));
    useOutbox.getState().load('usr_ana');
    expect(useOutbox.getState().entries[0]?.state).toBe('signin');
    useOutbox.getState().load('usr_ana', true);
    expect(useOutbox.getState().entries[0]?.state).toBe('sending');
  });

  it('keeps a user whose id holds a colon apart from every other user', () => {
    const odd = entry('itm_1', 'sending', 'confirm', 'usr:ana');
    useOutbox.getState().put(odd);
    expect(readEntries('usr:ana').map((e) => e.key)).toEqual([odd.key]);
    expect(readEntries('usr')).toEqual([]);
  });

  it('upgrades an entry stored before entries had a version: its maker is the user its key names', () => {
    const { madeBy: _maker, ...v1Request } = request('confirm');
    const v1 = {
      key: v1Request.idempotencyKey,
      userId: 'usr_ana',
      itemId: 'itm_1',
      request: v1Request,
      madeAt: 5,
      state: 'retrying',
      attempts: 2,
      retryAt: 9,
    };
    localStorage.setItem(`verity.outbox:usr_ana:${v1.key}`, JSON.stringify(v1));
    expect(readEntries('usr_ana')).toEqual([
      { ...v1, version: 2, request: { ...v1Request, madeBy: 'usr_ana' } },
    ]);
    expect(readEntries('usr_ben')).toEqual([]);
  });

  it('counts, without reading them out, the decisions other users left waiting here', () => {
    useOutbox.getState().put(entry('itm_1', 'signin', 'confirm', 'usr_ben'));
    useOutbox.getState().put(entry('itm_2', 'retrying', 'confirm', 'usr_ben'));
    useOutbox.getState().put(entry('itm_3', 'rejected', 'confirm', 'usr_ben'));
    useOutbox.getState().put(entry('itm_4', 'sending'));
    useOutbox.setState({ entries: [] });
    useOutbox.getState().load('usr_ana');
    expect(useOutbox.getState().entries.map((e) => e.itemId)).toEqual(['itm_4']);
    expect(useOutbox.getState().waitingForOthers).toBe(2);
  });

  it('ignores a stored entry that does not parse, or that names another user', () => {
    localStorage.setItem('verity.outbox:usr_ana:x', '{"not":"an entry"}');
    localStorage.setItem('verity.outbox:usr_ana:y', 'not json');
    const bens = entry('itm_1', 'sending', 'confirm', 'usr_ben');
    localStorage.setItem(`verity.outbox:usr_ana:${bens.key}`, JSON.stringify(bens));
    // An entry whose request names another maker than the entry does.
    const forged = entry('itm_2');
    forged.request = { ...forged.request, madeBy: 'usr_ben' };
    localStorage.setItem(`verity.outbox:usr_ana:${forged.key}`, JSON.stringify(forged));
    expect(readEntries('usr_ana')).toEqual([]);
  });

  it('retries at once what waits for a retry when the browser is back online', () => {
    useOutbox.getState().put({ ...entry('itm_1', 'retrying'), retryAt: Date.now() + 60_000 });
    useOutbox.getState().retryNow();
    expect(nextToSend(useOutbox.getState().entries, Date.now())?.itemId).toBe('itm_1');
  });
});
