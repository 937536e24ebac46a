import { describe, expect, it } from 'vitest';
import { settle } from '../../../lib/fake-clock.test-support';
import { senderWorld } from './outbox-sender-engine.test-support';

describe('the outbox sender', () => {
  it('sends each decision once, one at a time in the order made, and forgets each once recorded', async () => {
    const { server, browser, openTab, decision } = senderWorld();
    const tab = openTab();
    tab.start();
    server.hold();
    const made = [decision('itm_1'), decision('itm_2'), decision('itm_3')];
    tab.put(...made);
    await settle();
    // Changes while the first is on its way start nothing more.
    tab.outbox.getState().retryNow();
    tab.outbox.getState().load('usr_ana');
    await settle();
    expect(server.sent).toEqual([made[0]?.key]);

    server.release();
    await settle();
    expect(server.sent).toEqual(made.map((e) => e.key));
    expect(server.mostInFlight()).toBe(1);
    expect(tab.outbox.getState().entries).toEqual([]);
    expect(browser.items.size).toBe(0);
    expect(tab.told.recorded).toHaveBeenCalledTimes(3);
  });

  it('sends a decision just made once the next frame is painted, and not if stopped before it', async () => {
    const { server, openTab, decision, painter } = senderWorld();
    const tab = openTab();
    const sender = tab.start();
    await settle();
    painter.holdFrames();
    const made = decision('itm_1');
    tab.put(made);
    await settle();
    expect(server.sent).toEqual([]);
    expect(tab.states(made.key)).toBe('sending'); // kept, and shown as on its way
    painter.paint();
    await settle();
    expect(server.sent).toEqual([made.key]);

    painter.holdFrames();
    tab.put(decision('itm_2'));
    sender.stop();
    painter.paint();
    await settle();
    expect(server.sent).toEqual([made.key]);
  });

  it('sends at once, on opening, what an earlier visit left waiting for a retry or a sign-in', async () => {
    const { clock, server, openTab, decision } = senderWorld();
    const earlier = openTab();
    const retrying = {
      ...decision('itm_1'),
      state: 'retrying' as const,
      retryAt: clock.now() + 60_000,
    };
    const signin = { ...decision('itm_2'), state: 'signin' as const };
    earlier.put(retrying);
    earlier.put(signin);
    earlier.close();

    openTab().start();
    await settle();
    expect(server.sent).toEqual([retrying.key, signin.key]);
  });
});

describe('an outcome the sender does not know', () => {
  it('no answer after the server recorded it: sent again with the same key after 1 s, recorded once', async () => {
    const { clock, server, openTab, decision } = senderWorld();
    const tab = openTab();
    tab.start();
    server.answer('lost');
    const entry = decision('itm_1');
    tab.put(entry);
    await settle();
    expect(tab.states(entry.key)).toBe('retrying');
    expect(server.isRecordedKey(entry.key)).toBe(true);

    await clock.advance(999);
    expect(server.sent).toEqual([entry.key]);
    await clock.advance(1);
    expect(server.sent).toEqual([entry.key, entry.key]);
    expect(tab.outbox.getState().entries).toEqual([]);
  });

  it('an answer that cannot be read is checked with the server, not sent again: found, it is done', async () => {
    const { server, openTab, decision } = senderWorld();
    const tab = openTab();
    const seen = new Set<string>();
    tab.outbox.subscribe(({ entries }) => entries.forEach((e) => seen.add(e.state)));
    tab.start();
    server.answer('unreadable');
    tab.put(decision('itm_1'));
    await settle();

    expect(seen).toEqual(new Set(['sending', 'checking']));
    expect(server.reads()).toBe(1);
    expect(server.sent).toHaveLength(1);
    expect(tab.outbox.getState().entries).toEqual([]);
  });

  it('checked and not found, it is sent again with the same key after a backoff', async () => {
    const { clock, server, openTab, decision } = senderWorld();
    const tab = openTab();
    tab.start();
    server.answer('garbled');
    const entry = decision('itm_1');
    tab.put(entry);
    await settle();
    expect(tab.states(entry.key)).toBe('retrying');
    expect(server.sent).toEqual([entry.key]);

    await clock.advance(2_000);
    expect(server.sent).toEqual([entry.key, entry.key]);
    expect(server.isRecordedKey(entry.key)).toBe(true);
    expect(tab.outbox.getState().entries).toEqual([]);
  });

  it('a read-back that fails is tried again later, and the decision is not sent meanwhile', async () => {
    const { clock, server, openTab, decision } = senderWorld();
    const tab = openTab();
    tab.start();
    server.answer('unreadable');
    server.answerReads('down', 'down');
    const entry = decision('itm_1');
    tab.put(entry);
    await settle();
    expect(tab.states(entry.key)).toBe('checking');

    await clock.advance(2_000); // the second read-back, after 2 s
    expect(server.reads()).toBe(2);
    await clock.advance(4_000); // the third, after 4 s, finds it
    expect(server.reads()).toBe(3);
    expect(server.sent).toEqual([entry.key]);
    expect(tab.outbox.getState().entries).toEqual([]);
  });
});

describe('a failed attempt', () => {
  it('after a 5xx or no answer, waits 1 s, then 2 s; the network coming back sends it at once', async () => {
    const { clock, server, openTab, decision } = senderWorld();
    const tab = openTab();
    tab.start();
    server.answer('503', 'down', 'down');
    const entry = decision('itm_1');
    tab.put(entry);
    await settle();
    await clock.advance(1_000);
    expect(server.sent).toHaveLength(2);
    await clock.advance(1_999);
    expect(server.sent).toHaveLength(2);
    await clock.advance(1);
    expect(server.sent).toHaveLength(3); // the next wait is 4 s …

    tab.page.emit('online'); // … unless the browser is back online
    await settle();
    expect(server.sent).toEqual([entry.key, entry.key, entry.key, entry.key]);
    expect(tab.outbox.getState().entries).toEqual([]);
  });

  it('a later decision waits behind an earlier one that waits to be retried', async () => {
    const { clock, server, openTab, decision } = senderWorld();
    const tab = openTab();
    tab.start();
    server.answer('down');
    const [first, second] = [decision('itm_1'), decision('itm_2')];
    tab.put(first);
    tab.put(second);
    await settle();
    expect(server.sent).toEqual([first.key]);
    await clock.advance(1_000);
    expect(server.sent).toEqual([first.key, first.key, second.key]);
  });

  it('a 401 keeps the decision for its maker’s next sign-in and says who is signed in may have changed', async () => {
    const { clock, server, openTab, decision } = senderWorld();
    const tab = openTab();
    const sender = tab.start();
    server.answer('401');
    const entry = decision('itm_1');
    tab.put(entry);
    await settle();
    expect(tab.states(entry.key)).toBe('signin');
    expect(tab.told.signInNeeded).toHaveBeenCalledOnce();
    await clock.advance(60_000);
    expect(server.sent).toEqual([entry.key]);

    sender.stop(); // signed in again: the console opens again
    tab.start();
    await settle();
    expect(server.sent).toEqual([entry.key, entry.key]);
    expect(server.isRecordedKey(entry.key)).toBe(true);
  });

  it('a 409 is reported and not sent again', async () => {
    const { clock, server, openTab, decision } = senderWorld();
    const tab = openTab();
    tab.start();
    server.answer('409');
    const entry = decision('itm_1');
    tab.put(entry);
    await settle();
    await clock.advance(60_000);
    expect(tab.states(entry.key)).toBe('conflict');
    expect(tab.told.conflict).toHaveBeenCalledOnce();
    expect(server.sent).toEqual([entry.key]);
  });
});
