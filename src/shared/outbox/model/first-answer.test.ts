// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { firstAnswer } from './first-answer';
import { useOutbox } from './outbox';
import type { OutboxEntry } from './outbox-entry';
import { storedDecision } from './outbox-entry.test-support';

let clock = 1_000;
const entry = (itemId: string, state: OutboxEntry['state'] = 'sending'): OutboxEntry => ({
  ...storedDecision(
    itemId,
    'usr_ana',
    { kind: 'confirm', classification: null, annotations: [] },
    clock++,
  ),
  state,
});

describe('firstAnswer', () => {
  beforeEach(() => useOutbox.setState({ entries: [] }));

  it('is null when no decision on the item is on its way', () => {
    useOutbox.getState().put(entry('itm_1', 'retrying'));
    expect(firstAnswer(useOutbox, 'itm_1')).toBeNull();
    expect(firstAnswer(useOutbox, 'itm_3')).toBeNull();
  });

  it('is null for a decision held back behind an earlier one waiting for its retry', () => {
    useOutbox.getState().put(entry('itm_1', 'retrying'));
    useOutbox.getState().put(entry('itm_2', 'sending'));
    expect(firstAnswer(useOutbox, 'itm_2')).toBeNull();
  });

  it('is false once an earlier decision’s failure holds it back', async () => {
    const earlier = entry('itm_1');
    useOutbox.getState().put(earlier);
    useOutbox.getState().put(entry('itm_2'));
    const answer = firstAnswer(useOutbox, 'itm_2');
    useOutbox.getState().replace({ ...earlier, state: 'retrying', attempts: 1 });
    expect(await answer).toBe(false);
  });

  it('is true once the outbox lets the decision go, false once it stays', async () => {
    const recorded = entry('itm_1');
    const refused = entry('itm_2');
    const retried = entry('itm_3');
    const undone = entry('itm_4');
    for (const e of [recorded, refused, retried, undone]) useOutbox.getState().put(e);
    const answers = ['itm_1', 'itm_2', 'itm_3', 'itm_4'].map(
      (id) => firstAnswer(useOutbox, id) ?? Promise.resolve(null),
    );
    useOutbox.getState().remove(recorded.key);
    useOutbox.getState().replace({ ...refused, state: 'conflict' });
    // Taken back before the decision ahead of it fails, which would hold it back anyway.
    useOutbox.getState().undo(undone.key);
    expect(await answers[3]).toBe(false);
    useOutbox.getState().replace({ ...retried, state: 'retrying', attempts: 1 });
    expect(await Promise.all(answers)).toEqual([true, false, false, false]);
  });

  it('follows its own entry: another on the same item, kept as a notice, changes nothing', async () => {
    const notice = entry('itm_1', 'conflict');
    useOutbox.getState().put(notice);
    const decision = entry('itm_1');
    useOutbox.getState().put(decision);
    const answer = firstAnswer(useOutbox, 'itm_1');
    useOutbox.getState().remove(decision.key);
    expect(await answer).toBe(true);
  });

  it('takes no answer within the wait as none', async () => {
    vi.useFakeTimers();
    try {
      useOutbox.getState().put(entry('itm_1'));
      const answer = firstAnswer(useOutbox, 'itm_1', 1_000);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await answer).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is true when another user signs in here: the decision is not theirs to follow', async () => {
    useOutbox.getState().put(entry('itm_1'));
    const answer = firstAnswer(useOutbox, 'itm_1');
    useOutbox.getState().load('usr_ben');
    expect(await answer).toBe(true);
  });
});
