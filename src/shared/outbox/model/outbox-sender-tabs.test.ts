import { describe, expect, it } from 'vitest';
import { settle } from '../../../lib/fake-clock.test-support';
import { senderWorld } from './outbox-sender-engine.test-support';

const LOCK = 'verity.outbox:usr_ana';

describe('the outbox sender in several tabs', () => {
  it('one tab sends while the others wait for the lock; decisions made in any tab are each sent once', async () => {
    const { server, browser, openTab, decision } = senderWorld();
    const [a, b] = [openTab(), openTab()];
    a.start();
    b.start();
    const made = [decision('itm_1'), decision('itm_2'), decision('itm_3'), decision('itm_4')];
    made.forEach((entry, i) => (i % 2 ? a : b).outbox.getState().put(entry));
    await settle();

    expect(server.sent.toSorted()).toEqual(made.map((e) => e.key).toSorted());
    expect(server.mostInFlight()).toBe(1);
    expect(a.outbox.getState().entries).toEqual([]);
    expect(b.outbox.getState().entries).toEqual([]); // told through storage
    expect(browser.items.size).toBe(0);
  });

  it('when the sending tab closes, the next takes over: what was on its way is sent again with its key, recorded once', async () => {
    const { server, browser, openTab, decision } = senderWorld();
    const [a, b] = [openTab(), openTab()];
    const sending = a.start();
    b.start();
    server.hold();
    const [x, y] = [decision('itm_1'), decision('itm_2')];
    a.put(x);
    a.put(y);
    await settle();
    expect(server.sent).toEqual([x.key]);

    sending.stop();
    a.close();
    await settle();
    expect(server.sent).toEqual([x.key, x.key]);
    server.release();
    await settle();
    expect(server.sent).toEqual([x.key, x.key, y.key]);
    expect(server.isRecordedKey(x.key)).toBe(true);
    expect(b.outbox.getState().entries).toEqual([]);
    expect(browser.items.size).toBe(0);
  });

  it('a tab signed out while it waits for the lock gives up waiting and never sends', async () => {
    const { server, browser, openTab, decision } = senderWorld();
    const [a, b] = [openTab(), openTab()];
    const holding = a.start();
    const waiting = b.start();
    waiting.stop();
    holding.stop();
    await settle();
    expect(browser.locks.holds(LOCK)).toBe(false);
    expect(a.page.listenerCount() + b.page.listenerCount()).toBe(0);

    b.put(decision('itm_1')); // kept for the next visit
    await settle();
    expect(server.sent).toEqual([]);
    openTab().start();
    await settle();
    expect(server.sent).toHaveLength(1);
  });

  it('a decision undone in another tab before it is sent is never sent', async () => {
    const { clock, server, browser, openTab, decision } = senderWorld();
    const [a, b] = [openTab(), openTab()];
    a.start();
    b.start();
    server.answer('down');
    const x = decision('itm_1');
    a.put(x);
    await settle();
    expect(b.states(x.key)).toBe('retrying');

    b.outbox.getState().undo(x.key);
    await clock.advance(60_000);
    expect(server.sent).toEqual([x.key]);
    expect(a.outbox.getState().entries).toEqual([]);
    expect(browser.items.size).toBe(0);
  });
});

describe('stopping the sender', () => {
  it('on sign-out mid-send, the late answer leaves the next user’s outbox alone and the decision is never sent again', async () => {
    const { server, browser, openTab, decision } = senderWorld();
    const tab = openTab();
    const ana = tab.start();
    server.hold();
    const x = decision('itm_1');
    tab.put(x);
    await settle();
    ana.stop();
    expect(tab.outbox.getState().entries).toEqual([]);

    const ben = tab.start('usr_ben');
    const y = decision('itm_2', 'usr_ben');
    tab.put(y);
    server.release();
    await settle();
    expect(server.sent).toEqual([x.key, y.key]);
    expect(tab.told.recorded).toHaveBeenCalledOnce(); // Ben's, not the answer Ana's tab left
    expect(browser.items.size).toBe(0);

    ben.stop();
    tab.start('usr_ana');
    await settle();
    expect(server.timesSent(x.key)).toBe(1);
  });

  it('sends only the signed-in user’s decisions: another’s wait for their maker, and are counted', async () => {
    const { server, openTab, decision } = senderWorld();
    const ben = openTab();
    ben.put(decision('itm_1', 'usr_ben'));
    ben.close();

    const tab = openTab();
    tab.start();
    await settle();
    expect(server.sent).toEqual([]);
    expect(tab.outbox.getState().waitingForOthers).toBe(1);
  });

  it('a decision undone while its request is on the way is taken back on the server once it lands', async () => {
    const { server, browser, openTab, decision } = senderWorld();
    const tab = openTab();
    tab.start();
    server.hold();
    const x = decision('itm_1');
    tab.put(x);
    await settle();
    tab.outbox.getState().undo(x.key);
    server.release();
    await settle();
    expect(server.takenBack).toEqual([x.key]);
    expect(server.isRecordedKey(x.key)).toBe(false);
    expect(browser.items.size).toBe(0);
  });
});
