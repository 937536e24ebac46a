import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/api-error';
import type { Lease } from '../../../api/schemas/item';
import { createFakePage } from '../../../lib/fake-browser.test-support';
import { createFakeClock } from '../../../lib/fake-clock.test-support';
import { RELEASE_WAIT_MS, startClaimLease, type ClaimState } from './claim-lease';
import { createReleaseLine } from './release-line';

const LEASE_MS = 60_000;
const PAINT_MS = 16;

type Answer = 'ok' | 'down' | '503' | 'held' | 'held_elsewhere';
const failures = {
  down: [0, 'network'],
  '503': [503, 'unavailable'],
  held: [409, 'held'],
  held_elsewhere: [409, 'held_elsewhere'],
} as const;

/** One item's claim in this window, against a server in memory, on a clock moved by hand. */
function leaseWorld() {
  const clock = createFakeClock();
  const page = createFakePage();
  const answers: Answer[] = [];
  const claims: { at: number; takeOver: boolean }[] = [];
  let releases = 0;
  let decision: Promise<boolean> | null = null;
  /** What the server handled, in order: each claim when answered, each release when received. */
  const handled: ('claim' | 'release')[] = [];
  /** While set, claims and releases wait for it before the server handles them. */
  let gate: Promise<void> | null = null;
  const line = createReleaseLine();
  const leaseUntil = (at: number, window = 'win-here'): Lease => ({
    holderId: 'usr_ana',
    holderName: 'Ana Ortiz',
    expiresAt: new Date(at).toISOString(),
    window,
  });
  let onServer: Lease | null = null;
  const server = {
    claim: async (takeOver: boolean) => {
      claims.push({ at: clock.now(), takeOver });
      await (gate ?? Promise.resolve());
      handled.push('claim');
      const answer = answers.shift() ?? 'ok';
      if (answer === 'ok') return { lease: (onServer = leaseUntil(clock.now() + LEASE_MS)) };
      const [status, code] = failures[answer];
      throw new ApiError({
        status,
        code,
        message: code,
        endpoint: 'POST /api/items/{itemId}/claim',
      });
    },
    release: async () => {
      releases += 1;
      await gate;
      handled.push('release');
    },
    currentLease: () => Promise.resolve(onServer),
  };
  const states: ClaimState[] = [];
  const told = { claimed: vi.fn(), heldElsewhere: vi.fn() };
  const start = (knownLease: Lease | null = null) =>
    startClaimLease({
      userId: 'usr_ana',
      windowId: 'win-here',
      knownLease: () => knownLease,
      server,
      clock,
      page,
      decisionOnItsWay: () => decision,
      releases: {
        release: (due, send) => line.release('usr_ana itm_one', due, send),
        releaseBeforeClaim: () => line.releaseBeforeClaim('usr_ana itm_one'),
      },
      afterPaint: (task) => {
        const timer = clock.setTimeout(task, PAINT_MS);
        return () => clock.clearTimeout(timer);
      },
      onChange: (state) => states.push(state),
      told,
    });
  /** When each claim was sent, from the first. */
  const claimTimes = () => claims.map((c) => c.at - (claims[0]?.at ?? 0));
  return {
    clock,
    page,
    claims,
    claimTimes,
    told,
    start,
    leaseUntil,
    answer: (...next: Answer[]) => void answers.push(...next),
    setLeaseOnServer: (lease: Lease | null) => void (onServer = lease),
    releases: () => releases,
    handled,
    /** Holds the server's answers to claims and releases until the returned function is called. */
    holdAnswers: () => {
      let open: () => void = () => undefined;
      gate = new Promise((resolve) => (open = resolve));
      return () => {
        gate = null;
        open();
      };
    },
    /** A decision on the item goes out; the returned function gives its first answer. */
    decide: () => {
      let answer: (recorded: boolean) => void = () => undefined;
      decision = new Promise((resolve) => (answer = resolve));
      return (recorded: boolean) => answer(recorded);
    },
    state: () => states.at(-1),
  };
}

describe('the claim on an open item', () => {
  it('claims once the item is on screen; an item skimmed past is never claimed or released', async () => {
    const skimmed = leaseWorld();
    skimmed.start().stop();
    await skimmed.clock.advance(60_000);
    expect(skimmed.claims).toEqual([]);
    expect(skimmed.releases()).toBe(0);

    const opened = leaseWorld();
    opened.start();
    await opened.clock.advance(PAINT_MS);
    expect(opened.state()).toMatchObject({ kind: 'held' });
    expect(opened.told.claimed).toHaveBeenCalledOnce();
  });

  it('renews at half the lease while the item stays open', async () => {
    const world = leaseWorld();
    world.start();
    await world.clock.advance(PAINT_MS + 95_000);
    expect(world.claimTimes()).toEqual([0, 30_000, 60_000, 90_000]);
    expect(world.state()).toMatchObject({ kind: 'held' });
  });

  it('renews at once when the window comes back into view, at most every 5 s', async () => {
    const world = leaseWorld();
    world.start();
    await world.clock.advance(PAINT_MS + 10_000);
    world.page.emit('hidden');
    world.page.emit('focus'); // focus while hidden: nothing
    world.page.emit('visible');
    world.page.emit('focus');
    await world.clock.advance(4_999);
    world.page.emit('focus');
    await world.clock.advance(1);
    world.page.emit('focus');
    expect(world.claimTimes()).toEqual([0, 10_000, 15_000]);
  });
});

describe('a renewal that fails', () => {
  it('is tried again after 2 s, 4 s, 8 s …; the lease stays shown until it runs out, then it is reported lapsed', async () => {
    const world = leaseWorld();
    world.start();
    await world.clock.advance(PAINT_MS);
    const held = world.state();
    world.answer('down', 'down', '503', 'down', 'down', 'down');
    await world.clock.advance(LEASE_MS - 1);
    expect(world.claimTimes()).toEqual([0, 30_000, 32_000, 36_000, 44_000]);
    expect(world.state()).toEqual(held);

    await world.clock.advance(1);
    expect(world.state()).toMatchObject({ kind: 'lapsed', error: { status: 0 } });
    expect(world.claimTimes().at(-1)).toBe(60_000);
    await world.clock.advance(30_000);
    expect(world.claimTimes().at(-1)).toBe(90_000); // at most 30 s apart
  });

  it('is tried at once when the network is back: a lapsed lease renewed is held again', async () => {
    const world = leaseWorld();
    world.start();
    await world.clock.advance(PAINT_MS);
    world.answer('down', 'down', 'down', 'down', 'down'); // at 30, 32, 36, 44 and 60 s
    await world.clock.advance(LEASE_MS + 1_000);
    expect(world.state()?.kind).toBe('lapsed');
    world.answer('ok');
    world.page.emit('online');
    await world.clock.advance(0);
    expect(world.state()).toMatchObject({ kind: 'held' });
    expect(world.claimTimes().at(-1)).toBe(LEASE_MS + 1_000);
  });

  it('without a lease yet, no answer says offline; a refusal ends the claiming', async () => {
    const world = leaseWorld();
    world.answer('down', 'held');
    world.start();
    await world.clock.advance(PAINT_MS);
    expect(world.state()).toEqual({ kind: 'offline' });
    await world.clock.advance(2_000);
    expect(world.state()).toMatchObject({ kind: 'refused', error: { code: 'held' } });
    await world.clock.advance(10 * 60_000);
    expect(world.claims).toHaveLength(2);
  });
});

describe('a lease held in another window of mine', () => {
  it('claims nothing until taken over here', async () => {
    const world = leaseWorld();
    world.start(world.leaseUntil(world.clock.now() + LEASE_MS, 'win-other'));
    await world.clock.advance(PAINT_MS + 60_000);
    expect(world.state()).toEqual({ kind: 'elsewhere' });
    expect(world.claims).toEqual([]);
  });

  it('learns at a renewal that it moved, and claims it back on return once the other let it go', async () => {
    const world = leaseWorld();
    const claim = world.start();
    await world.clock.advance(PAINT_MS);
    world.answer('held_elsewhere');
    world.setLeaseOnServer(world.leaseUntil(world.clock.now() + LEASE_MS, 'win-other'));
    await world.clock.advance(30_000);
    expect(world.state()).toEqual({ kind: 'elsewhere' });
    expect(world.told.heldElsewhere).toHaveBeenCalledOnce();

    world.setLeaseOnServer(null); // the other window left the item
    await world.clock.advance(5_000);
    world.page.emit('hidden');
    world.page.emit('visible');
    await world.clock.advance(0);
    expect(world.state()).toMatchObject({ kind: 'held' });

    world.answer('held_elsewhere');
    await world.clock.advance(30_000);
    claim.takeOver();
    await world.clock.advance(0);
    expect(world.claims.at(-1)?.takeOver).toBe(true);
    expect(world.state()).toMatchObject({ kind: 'held' });
  });
});

describe('stopping', () => {
  it('releases a held lease once, after the next paint, and leaves no timer or listener behind', async () => {
    const world = leaseWorld();
    const claim = world.start();
    await world.clock.advance(PAINT_MS);
    claim.stop();
    expect(world.releases()).toBe(0);
    await world.clock.advance(PAINT_MS);
    expect(world.releases()).toBe(1);
    expect(world.clock.pending()).toBe(0);
    expect(world.page.listenerCount()).toBe(0);
    await world.clock.advance(10 * 60_000);
    expect(world.claims).toHaveLength(1);
  });

  it('beside a decision on its way, releases only once it is answered, and not if it was recorded', async () => {
    for (const recorded of [true, false]) {
      const world = leaseWorld();
      const claim = world.start();
      await world.clock.advance(PAINT_MS);
      const answer = world.decide();
      claim.stop();
      await world.clock.advance(60_000);
      expect(world.releases()).toBe(0);
      answer(recorded);
      await world.clock.advance(0);
      expect(world.releases()).toBe(recorded ? 0 : 1);
      expect(world.clock.pending()).toBe(0);
    }
  });

  it('waits for the answer to a claim on its way, so the release never overtakes it', async () => {
    const world = leaseWorld();
    const answerClaims = world.holdAnswers();
    const claim = world.start();
    await world.clock.advance(PAINT_MS);
    expect(world.claims).toHaveLength(1);
    claim.stop();
    await world.clock.advance(60_000);
    expect(world.releases()).toBe(0);
    answerClaims();
    await world.clock.advance(0);
    expect(world.handled).toEqual(['claim', 'release']);
  });

  it('an item opened again while its release still waits (for a decision’s answer) is not released: the new claim keeps it', async () => {
    const world = leaseWorld();
    const first = world.start();
    await world.clock.advance(PAINT_MS);
    const answer = world.decide();
    first.stop();
    await world.clock.advance(PAINT_MS);
    const again = world.start();
    await world.clock.advance(PAINT_MS + 1_000);
    answer(false); // the decision was refused: the release would go out now
    await world.clock.advance(0);
    expect(world.releases()).toBe(0);
    expect(world.handled).toEqual(['claim', 'claim']);
    expect(world.state()).toMatchObject({ kind: 'held' });
    again.stop();
    await world.clock.advance(PAINT_MS);
    expect(world.releases()).toBe(1);
  });

  it('an item opened again while its release is on its way is claimed only once the release is answered', async () => {
    const world = leaseWorld();
    const first = world.start();
    await world.clock.advance(PAINT_MS);
    const answerRelease = world.holdAnswers();
    first.stop();
    await world.clock.advance(PAINT_MS);
    expect(world.releases()).toBe(1);
    world.start();
    await world.clock.advance(PAINT_MS + 1_000);
    expect(world.claims).toHaveLength(1);
    answerRelease();
    await world.clock.advance(0);
    expect(world.handled).toEqual(['claim', 'release', 'claim']);
    expect(world.state()).toMatchObject({ kind: 'held' });
  });

  it('a claim waits for a release that gets no answer for 5 s at most, then goes out', async () => {
    const world = leaseWorld();
    const first = world.start();
    await world.clock.advance(PAINT_MS);
    world.holdAnswers(); // never answered
    first.stop();
    await world.clock.advance(PAINT_MS);
    world.start();
    await world.clock.advance(PAINT_MS + RELEASE_WAIT_MS - 1);
    expect(world.claims).toHaveLength(1);
    await world.clock.advance(1);
    expect(world.claims).toHaveLength(2);
  });

  it('releases nothing held in another window', async () => {
    const world = leaseWorld();
    world.start(world.leaseUntil(world.clock.now() + LEASE_MS, 'win-other')).stop();
    await world.clock.advance(60_000);
    expect(world.releases()).toBe(0);
  });
});
