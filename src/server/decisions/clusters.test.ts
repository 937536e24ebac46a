import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { Cluster, ClusterDecisionResult } from '../../api/schemas/cluster';
import { openTestServer, type TestServer } from '../testing/test-server';
import { clusterOf } from './clusters';
import {
  allItems,
  appendedSince,
  auditSize,
  claim,
  decide,
  decisionsOf,
  itemNow,
} from './review-test-kit';

/** Clusters and one verdict applied to them (the in-memory backend's suite) against the server. */

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

/** A pending item with at least one pending cluster member, from the seeded data. */
async function pendingCluster() {
  for (const item of await allItems(server)) {
    if (item.status !== 'pending' || item.lease) continue;
    const members = (await clusterOf(server.database.db, item.id)).members.filter(
      (m) => m.item.status === 'pending' && m.item.lease === null,
    );
    if (members.length > 0) return { item, members };
  }
  throw new Error('the seed has no pending cluster');
}

test('the cluster endpoint lists the other items with how they match and their provenance', async () => {
  const ana = await server.signIn('usr_ana');
  const { item, members } = await pendingCluster();
  const cluster = Cluster.parse(await (await ana.get(`/api/items/${item.id}/cluster`)).json());
  expect(cluster.itemId).toBe(item.id);
  expect(cluster.members.map((m) => m.item.id)).toEqual(
    expect.arrayContaining(members.map((m) => m.item.id)),
  );
  expect(cluster.members.some((m) => m.item.id === item.id)).toBe(false);
  for (const member of cluster.members) {
    const other = await itemNow(server, member.item.id);
    if (member.match === 'sha256') expect(other.media.sha256).toBe(item.media.sha256);
    else expect(member.distance).toBeLessThanOrEqual(cluster.maxPdqDistance);
    expect(member.provenance.supplier.id).toBe(other.provenance.supplier.id);
  }
});

test('a cluster decision decides each item on its own and skips one held by someone else', async () => {
  const ana = await server.signIn('usr_ana');
  const ben = await server.signIn('usr_ben');
  const { item, members } = await pendingCluster();
  const [held] = members;
  if (!held) throw new Error('no member');
  expect((await claim(ben, held.item.id)).status).toBe(200);

  const before = await auditSize(server);
  const response = await ana.send('POST', `/api/items/${item.id}/cluster-decisions`, {
    verdict: { kind: 'escalate', reason: 'Same file across two suppliers' },
    note: null,
    items: [item, held.item].map((i) => ({ itemId: i.id, itemVersion: i.version })),
    idempotencyKey: 'cluster-key-0001',
  });
  const { outcomes } = ClusterDecisionResult.parse(await response.json());
  expect(outcomes.map((o) => [o.itemId, o.outcome])).toEqual([
    [item.id, 'decided'],
    [held.item.id, 'skipped'],
  ]);
  expect(outcomes[1]).toMatchObject({ code: 'held' });
  expect((await itemNow(server, item.id)).status).toBe('escalated');
  const decided = (await appendedSince(server, before)).findLast(
    (e) => e.action === 'item.decided' && e.subject.id === item.id,
  );
  expect(decided?.detail).toMatchObject({ clusterOf: item.id });
  expect((await itemNow(server, held.item.id)).status).toBe('pending');
  expect(await decisionsOf(server, held.item.id)).toEqual([]);
  // The skipped member is on the record as a refused decision, as its own decision would be.
  const refused = (await appendedSince(server, before)).filter(
    (e) => e.action === 'item.decision_refused',
  );
  expect(refused).toMatchObject([
    {
      actor: { id: 'usr_ana' },
      subject: { id: held.item.id },
      detail: { stage: 'first', status: 409, refusal: 'held', clusterOf: item.id },
    },
  ]);
  expect(JSON.stringify(refused)).not.toMatch(/escalate|Same file/);
});

test('a cluster decision refused by role is on the record, like a single decision', async () => {
  const alex = await server.signIn('usr_alex');
  const { item } = await pendingCluster();
  const before = await auditSize(server);
  const response = await alex.send('POST', `/api/items/${item.id}/cluster-decisions`, {
    verdict: { kind: 'dismiss', reason: 'adult_content' },
    note: null,
    items: [{ itemId: item.id, itemVersion: item.version }],
    idempotencyKey: 'cluster-key-auditor',
  });
  expect(response.status).toBe(403);
  expect(await appendedSince(server, before)).toMatchObject([
    {
      action: 'item.decision_refused',
      actor: { id: 'usr_alex' },
      subject: { id: item.id },
      detail: { status: 403, refusal: 'forbidden', itemVersion: item.version },
    },
  ]);
});

test('a cluster decision sent again decides nothing it skipped the first time, though its anchor moved on', async () => {
  const ana = await server.signIn('usr_ana');
  const ben = await server.signIn('usr_ben');
  const { item, members } = await pendingCluster();
  const [other] = members;
  if (!other) throw new Error('no member');
  const confirm = { kind: 'confirm', classification: null, annotations: [] };
  // Ben's first review of the member: it waits for its second review now.
  const benDecided = await decide(ben, other.item.id, {
    verdict: confirm,
    note: null,
    itemVersion: other.item.version,
    idempotencyKey: 'ben-first-0001',
  });
  expect(benDecided.status).toBe(200);
  const waiting = await itemNow(server, other.item.id);
  expect(waiting.status).toBe('awaiting_second_review');

  const send = async () =>
    ClusterDecisionResult.parse(
      await (
        await ana.send('POST', `/api/items/${item.id}/cluster-decisions`, {
          verdict: confirm,
          note: null,
          items: [
            { itemId: item.id, itemVersion: item.version },
            { itemId: other.item.id, itemVersion: waiting.version },
          ],
          idempotencyKey: 'cluster-retry-0001',
        })
      ).json(),
    ).outcomes.map((o) => [o.itemId, o.outcome, o.outcome === 'skipped' ? o.code : null]);
  const first = await send();
  expect(first).toEqual([
    [item.id, 'decided', null],
    [other.item.id, 'skipped', 'other_stage'],
  ]);
  // Sent again (a lost answer): the anchor now waits for its second review, as the member does.
  expect(await send()).toEqual(first);
  // Sent again after reading the cluster again: the anchor's version has moved on; still a replay.
  const anchorNow = await itemNow(server, item.id);
  const resent = ClusterDecisionResult.parse(
    await (
      await ana.send('POST', `/api/items/${item.id}/cluster-decisions`, {
        verdict: confirm,
        note: null,
        items: [{ itemId: item.id, itemVersion: anchorNow.version }],
        idempotencyKey: 'cluster-retry-0001',
      })
    ).json(),
  );
  expect(resent.outcomes).toMatchObject([{ itemId: item.id, outcome: 'decided' }]);
  expect((await itemNow(server, other.item.id)).status).toBe('awaiting_second_review');
  expect((await decisionsOf(server, other.item.id)).map((d) => d.actor.id)).toEqual(['usr_ben']);
});

test('a cluster decision touches only the cluster, and only items waiting for the same review', async () => {
  const ana = await server.signIn('usr_ana');
  const { item } = await pendingCluster();
  const stranger = (await allItems(server)).find(
    (i) => i.status === 'pending' && i.media.sha256 !== item.media.sha256 && i.id !== item.id,
  );
  const member = (await clusterOf(server.database.db, item.id)).members[0];
  if (!stranger || !member) throw new Error('seed lacks the items');
  // The member waits for a supervisor, not a first review.
  await server.database.db
    .updateTable('items')
    .set({ status: 'escalated' })
    .where('id', '=', member.item.id)
    .execute();
  const response = await ana.send('POST', `/api/items/${item.id}/cluster-decisions`, {
    verdict: { kind: 'dismiss', reason: 'adult_content' },
    note: null,
    items: [
      { itemId: stranger.id, itemVersion: stranger.version },
      { itemId: member.item.id, itemVersion: member.item.version },
    ],
    idempotencyKey: 'cluster-key-0002',
  });
  const { outcomes } = ClusterDecisionResult.parse(await response.json());
  expect(outcomes.map((o) => (o.outcome === 'skipped' ? o.code : o.outcome))).toEqual([
    'not_in_cluster',
    'other_stage',
  ]);
  expect((await itemNow(server, stranger.id)).status).toBe('pending');
});
