import { describe, expect, it } from 'vitest';
import { createReleaseLine } from './release-line';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A release's send, counted, answered when the test says so. */
function sender() {
  const sent: string[] = [];
  let answer: () => void = () => undefined;
  const send = (key: string) => () => {
    sent.push(key);
    return new Promise<void>((resolve) => (answer = resolve));
  };
  return { sent, send, answer: () => answer() };
}

describe('the release line', () => {
  it('a release still due is cancelled by a claim of its item, and never sent', async () => {
    const line = createReleaseLine();
    const { sent, send } = sender();
    let due: (ok: boolean) => void = () => undefined;
    line.release('ana itm_a', () => new Promise((resolve) => (due = resolve)), send('ana itm_a'));
    expect(line.releaseBeforeClaim('ana itm_a')).toBeNull();
    due(true);
    await settle();
    expect(sent).toEqual([]);
  });

  it('a claim of an item whose release is on its way waits for its answer; then nothing is owed', async () => {
    const line = createReleaseLine();
    const { sent, send, answer } = sender();
    line.release('ana itm_a', () => Promise.resolve(true), send('ana itm_a'));
    await settle();
    expect(sent).toEqual(['ana itm_a']);
    let claimed = false;
    void line.releaseBeforeClaim('ana itm_a')?.then(() => (claimed = true));
    await settle();
    expect(claimed).toBe(false);
    answer();
    await settle();
    expect(claimed).toBe(true);
    expect(line.releaseBeforeClaim('ana itm_a')).toBeNull();
  });

  it('only the same user’s claim of the same item waits for or cancels a release', async () => {
    const line = createReleaseLine();
    const { sent, send } = sender();
    line.release('ana itm_a', () => Promise.resolve(true), send('ana itm_a'));
    expect(line.releaseBeforeClaim('ben itm_a')).toBeNull();
    expect(line.releaseBeforeClaim('ana itm_b')).toBeNull();
    await settle();
    expect(sent).toEqual(['ana itm_a']);
  });

  it('a second release of an item cancels the first still due: one release at a time', async () => {
    const line = createReleaseLine();
    const { sent, send } = sender();
    let due: (ok: boolean) => void = () => undefined;
    line.release('ana itm_a', () => new Promise((resolve) => (due = resolve)), send('first'));
    line.release('ana itm_a', () => Promise.resolve(true), send('second'));
    due(true);
    await settle();
    expect(sent).toEqual(['second']);
  });

  it('a hold that ended by itself is not released, and a release that fails is dropped', async () => {
    const line = createReleaseLine();
    const { sent, send } = sender();
    line.release('ana itm_a', () => Promise.resolve(false), send('ended'));
    line.release('ana itm_b', () => Promise.reject(new Error('no answer')), send('failed'));
    await settle();
    expect(sent).toEqual([]);
    expect(line.releaseBeforeClaim('ana itm_a')).toBeNull();
    expect(line.releaseBeforeClaim('ana itm_b')).toBeNull();
  });
});
