import { expect, test } from 'vitest';
import { FlaggedItem } from '../../api/schemas/item';
import { queueDefinitions } from '../directory/directory';
import hostile from './fixtures/hostile-strings.json';
import { iso } from './generate/iso-time';
import { generateData } from './generator';
import { pastThreshold } from '../../domain/signal-threshold';

const now = new Date('2026-11-25T12:00:00.000Z');
const generate = (seed: number, items = 300) =>
  generateData({ seed, items, now, leaseSeconds: 300 });

test('the same seed and clock give the same data', () => {
  expect(generate(7)).toEqual(generate(7));
});

test('a different seed gives different data', () => {
  expect(generate(7).items.map((i) => i.id)).not.toEqual(generate(8).items.map((i) => i.id));
});

test('generates the requested number of items, each valid against the contract', () => {
  const { items } = generate(3, 500);
  expect(items).toHaveLength(500);
  for (const item of items) expect(FlaggedItem.safeParse(item).error).toBeUndefined();
  expect(new Set(items.map((i) => i.id)).size).toBe(500);
});

test('every triage queue receives items', () => {
  const { items } = generate(1);
  for (const queue of queueDefinitions.filter((q) => q.kind === 'triage')) {
    expect(items.some((i) => i.queueId === queue.id)).toBe(true);
  }
});

test('every provenance field is sometimes missing, so completeness varies', () => {
  const { items } = generate(1);
  const missing = (pick: (i: (typeof items)[number]) => unknown) =>
    items.some(
      (i) => pick(i) === null || (Array.isArray(pick(i)) && (pick(i) as unknown[]).length === 0),
    );
  expect(missing((i) => i.provenance.dataset)).toBe(true);
  expect(missing((i) => i.provenance.acquisition.acquiredAt)).toBe(true);
  expect(missing((i) => i.provenance.acquisition.batchId)).toBe(true);
  expect(missing((i) => i.provenance.origin.sourceUrls)).toBe(true);
  expect(missing((i) => i.provenance.origin.crawledAt)).toBe(true);
  expect(missing((i) => i.provenance.origin.uploader)).toBe(true);
  expect(missing((i) => i.media.originalHash)).toBe(true);
});

test('third-party fields carry hostile strings from the fixture', () => {
  const { items } = generate(1);
  const all = new Set<string>([
    ...hostile.html,
    ...hostile.urls,
    ...hostile.text,
    ...hostile.csv,
    ...hostile.xml,
  ]);
  const fields = {
    fileName: items.map((i) => i.media.fileName),
    sourceUrl: items.flatMap((i) => i.provenance.origin.sourceUrls),
    pageTitle: items.map((i) => i.provenance.origin.pageTitle),
    uploader: items.map((i) => i.provenance.origin.uploader?.accountName ?? null),
    exif: items.flatMap((i) => i.media.exif.map((e) => e.value)),
  };
  for (const [field, values] of Object.entries(fields)) {
    expect(
      values.some((v) => v !== null && all.has(v)),
      field,
    ).toBe(true);
  }
});

test('hash-only items carry no media URL; blurred ones point at their own preview endpoint', () => {
  const { items } = generate(1);
  const hashOnly = items.filter((i) => i.preview.mode === 'hash_only');
  expect(hashOnly.length).toBeGreaterThan(0);
  for (const item of hashOnly) expect(JSON.stringify(item.preview)).toBe('{"mode":"hash_only"}');
  for (const item of items) {
    if (item.preview.mode === 'blurred')
      expect(item.preview.blurredUrl).toBe(`/api/items/${item.id}/preview`);
  }
});

test('hash matches, classifier scores near and well above thresholds and PDQ distances all occur', () => {
  const signals = generate(1).items.flatMap((i) => i.signals);
  const lists = new Set(signals.flatMap((s) => (s.kind === 'hash_match' ? [s.hashList] : [])));
  expect(lists).toEqual(new Set(['ncmec', 'industry', 'internal']));
  const scores = signals.flatMap((s) => (s.kind === 'classifier' ? [s.score - s.threshold] : []));
  expect(scores.some((d) => d < 0.02)).toBe(true);
  expect(scores.some((d) => d >= 0.1)).toBe(true);
  expect(
    signals.some((s) => s.kind === 'hash_match' && s.algorithm === 'PDQ' && s.distance > 0),
  ).toBe(true);
});

test('seeded decisions are consistent with each item’s status and version', () => {
  const { items, decisions, history } = generate(1);
  for (const item of items) {
    const list = decisions.get(item.id) ?? [];
    expect(item.version).toBe(1 + list.length);
    if (item.status === 'pending') expect(list).toHaveLength(0);
    // Agreeing reviewers, or a disagreement a supervisor settled.
    if (item.status === 'confirmed')
      expect(list.map((d) => d.verdict.kind)).toEqual(
        list.length === 2 ? ['confirm', 'confirm'] : ['confirm', 'dismiss', 'confirm'],
      );
    // An escalation, or a disagreement waiting for a supervisor.
    if (item.status === 'escalated')
      expect(list.map((d) => d.verdict.kind)).toEqual(
        list.length === 1 ? ['escalate'] : ['confirm', 'dismiss'],
      );
    if (item.status === 'dismissed') expect(list.at(-1)?.verdict.kind).toBe('dismiss');
    const [first, second] = list;
    if (first && second && second.stage === 'second')
      expect(second.actor.id).not.toBe(first.actor.id);
  }
  const decided = history.filter((e) => e.action === 'item.decided');
  expect(decided).toHaveLength([...decisions.values()].flat().length);
  expect(history.map((e) => e.at)).toEqual(history.map((e) => e.at).sort());
});

test('iso formats exactly like Date#toISOString', () => {
  for (const ms of [
    0,
    1_764_000_000_123,
    1_764_086_399_999,
    1_000_000_000_005,
    Date.UTC(2026, 1, 28, 23, 59, 59, 9),
  ]) {
    expect(iso(ms)).toBe(new Date(ms).toISOString());
  }
});

test('provenance is the same whatever order items are read in, and serialises with the item', () => {
  const forwards = generate(5).items;
  const backwards = generate(5).items;
  const readForwards = forwards.map((i) => i.provenance);
  const readBackwards = [...backwards]
    .reverse()
    .map((i) => i.provenance)
    .reverse();
  expect(readBackwards).toEqual(readForwards);
  const [first] = forwards;
  expect(JSON.parse(JSON.stringify(first))).toHaveProperty(
    'provenance.supplier.id',
    first?.provenance.supplier.id,
  );
});

test('a provenance assigned to an item replaces the generated one', () => {
  const [item] = generate(5).items;
  if (!item) throw new Error('no item');
  item.provenance = { ...item.provenance, dataset: null };
  expect(item.provenance.dataset).toBeNull();
});

test('every seeded lease has the claim that took it in the history', () => {
  const { items, history } = generate(1);
  const leased = items.filter((i) => i.lease !== null);
  expect(leased.length).toBeGreaterThan(0);
  for (const item of leased) {
    const claim = history.find((e) => e.action === 'item.claimed' && e.subject.id === item.id);
    expect(claim?.actor.id).toBe(item.lease?.holderId);
    expect(claim?.detail.expiresAt).toBe(item.lease?.expiresAt);
  }
});

test('raises only signals a real matcher would: every hash within its list’s limit, every score at or above its threshold', () => {
  const signals = generate(1, 2000).items.flatMap((i) => i.signals);
  expect(
    signals.filter((s) => s.kind === 'hash_match' && s.maxDistance > 0).length,
  ).toBeGreaterThan(50);
  expect(signals.filter((s) => s.kind === 'classifier').length).toBeGreaterThan(50);
  expect(signals.filter(pastThreshold)).toEqual([]);
});
