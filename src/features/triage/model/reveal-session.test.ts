import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/api-error';
import { createFakePage } from '../../../lib/fake-browser.test-support';
import { createFakeClock } from '../../../lib/fake-clock.test-support';
import { createRevealSession, type RevealEndReason } from './reveal-session';

const REBLUR_SECONDS = 10;

/** One item's preview, on screen, against a server in memory, on a clock moved by hand. */
function revealWorld() {
  const clock = createFakeClock();
  const page = createFakePage();
  const grants: string[] = [];
  const ends: { revealId: string; reason: RevealEndReason }[] = [];
  const grantAnswers: ('ok' | 'refused')[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  let reportsLost = false;
  let leaving: RevealEndReason = 'item_change';
  const server = {
    grant: async () => {
      await gate;
      if (grantAnswers.shift() === 'refused')
        throw new ApiError({
          status: 429,
          code: 'exposure_budget',
          message: 'Take a break first',
          endpoint: 'POST /api/items/{itemId}/reveal',
        });
      const revealId = `rvl_${grants.length + 1}`;
      grants.push(revealId);
      const expiresAt = new Date(clock.now() + 60_000).toISOString();
      return { revealId, url: `/api/media/reveal/${revealId}-once`, expiresAt };
    },
    reportEnd: async (revealId: string, reason: RevealEndReason) => {
      await Promise.resolve();
      if (reportsLost) throw new Error('no answer');
      ends.push({ revealId, reason });
    },
  };
  const told = { granted: vi.fn(), ended: vi.fn(), endRecorded: vi.fn() };
  const session = createRevealSession({ server, clock, page, leaveReason: () => leaving, told });
  const detach = session.attach();
  return {
    clock,
    page,
    grants,
    ends,
    told,
    session,
    detach,
    reveal: async () => {
      await session.reveal(REBLUR_SECONDS);
    },
    state: () => session.getState(),
    refuseNextGrant: () => void grantAnswers.push('refused'),
    holdGrants: () => void (gate = new Promise((resolve) => (open = resolve))),
    releaseGrants: () => open(),
    loseReports: () => void (reportsLost = true),
    leaveFor: (reason: RevealEndReason) => void (leaving = reason),
  };
}

describe('a reveal', () => {
  it('is one grant at a time: asked again while revealing or revealed, it asks the server for nothing', async () => {
    const world = revealWorld();
    await Promise.all([world.reveal(), world.reveal()]);
    await world.reveal();
    expect(world.grants).toEqual(['rvl_1']);
    expect(world.told.granted).toHaveBeenCalledOnce();
    expect(world.state()).toMatchObject({ kind: 'revealed', grant: { revealId: 'rvl_1' } });
  });

  it('blurs again after the re-blur seconds, reports the end, and counts what was shown', async () => {
    const world = revealWorld();
    await world.reveal();
    const startedAt = world.clock.now();
    await world.clock.advance(REBLUR_SECONDS * 1000 - 1);
    expect(world.state().kind).toBe('revealed');
    await world.clock.advance(1);
    expect(world.state()).toEqual({ kind: 'blurred' });
    expect(world.ends).toEqual([{ revealId: 'rvl_1', reason: 'timeout' }]);
    expect(world.told.ended).toHaveBeenCalledExactlyOnceWith(10_000, startedAt + 10_000);
    expect(world.told.endRecorded).toHaveBeenCalledOnce();
    expect(world.clock.pending()).toBe(0);
  });

  it('shows each single-use URL once: the next reveal is a new grant', async () => {
    const world = revealWorld();
    await world.reveal();
    world.session.end();
    await world.reveal();
    expect(world.grants).toEqual(['rvl_1', 'rvl_2']);
    expect(world.state()).toMatchObject({ grant: { url: '/api/media/reveal/rvl_2-once' } });
    await world.clock.advance(0);
    expect(world.ends).toEqual([{ revealId: 'rvl_1', reason: 'manual' }]);
  });

  it('blurs again when the window loses focus and when the tab is hidden, and nothing else', async () => {
    const world = revealWorld();
    await world.reveal();
    world.page.emit('focus');
    world.page.emit('visible');
    world.page.emit('online');
    expect(world.state().kind).toBe('revealed');
    world.page.emit('blur');
    expect(world.state().kind).toBe('blurred');
    await world.reveal();
    world.page.emit('hidden');
    expect(world.state().kind).toBe('blurred');
    await world.clock.advance(0);
    expect(world.ends.map((e) => e.reason)).toEqual(['window_blur', 'hidden']);
  });

  it('ends once, however many reasons come at once', async () => {
    const world = revealWorld();
    await world.reveal();
    world.page.emit('blur');
    world.page.emit('hidden');
    world.session.end();
    world.detach();
    await world.clock.advance(60_000);
    expect(world.ends).toEqual([{ revealId: 'rvl_1', reason: 'window_blur' }]);
    expect(world.told.ended).toHaveBeenCalledOnce();
    expect(world.page.listenerCount()).toBe(0);
  });
});

describe('a preview that goes away', () => {
  it('ends its reveal: for another item, or for the idle lock', async () => {
    const changed = revealWorld();
    await changed.reveal();
    changed.detach();
    const locked = revealWorld();
    locked.leaveFor('idle_lock');
    await locked.reveal();
    locked.detach();
    await changed.clock.advance(0);
    await locked.clock.advance(0);
    expect(changed.ends).toEqual([{ revealId: 'rvl_1', reason: 'item_change' }]);
    expect(locked.ends).toEqual([{ revealId: 'rvl_1', reason: 'idle_lock' }]);
  });

  it('ends unseen a grant that arrives after it went away', async () => {
    const world = revealWorld();
    world.holdGrants();
    const asked = world.reveal();
    world.detach();
    world.releaseGrants();
    await asked;
    await world.clock.advance(0);
    expect(world.state()).toEqual({ kind: 'blurred' });
    expect(world.told.granted).toHaveBeenCalledOnce(); // it counts
    expect(world.told.ended).not.toHaveBeenCalled(); // nothing was shown
    expect(world.ends).toEqual([{ revealId: 'rvl_1', reason: 'item_change' }]);
  });
});

describe('when the server says no or does not answer', () => {
  it('a refused reveal stays blurred and says why; asked again, it tries again', async () => {
    const world = revealWorld();
    world.refuseNextGrant();
    await world.reveal();
    expect(world.state()).toMatchObject({ kind: 'blurred', error: { code: 'exposure_budget' } });
    await world.reveal();
    expect(world.state().kind).toBe('revealed');
  });

  it('an end report that is lost still blurs the media at once', async () => {
    const world = revealWorld();
    world.loseReports();
    await world.reveal();
    await world.clock.advance(REBLUR_SECONDS * 1000);
    expect(world.state()).toEqual({ kind: 'blurred' });
    expect(world.told.endRecorded).not.toHaveBeenCalled();
  });
});
