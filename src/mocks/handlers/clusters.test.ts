import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { Cluster, ClusterDecisionResult } from '../../api/schemas/cluster';
import { signInForTest, testBackend } from '../../test/mock-server';
import { clusterOf } from '../backend/clusters';

const base = 'http://verity.test';

/** A pending item with at least one pending cluster member, from the seeded data. */
function pendingCluster() {
  for (const item of testBackend.state.items) {
    if (item.status !== 'pending' || item.lease) continue;
    const members = clusterOf(testBackend.state, item).members.filter(
      (m) => m.item.status === 'pending' && m.item.lease === null,
    );
    if (members.length > 0) return { item, members };
  }
  throw new Error('the seed has no pending cluster');
}

test('the cluster endpoint lists the other items with how they match and their provenance', async () => {
  const { cookie } = signInForTest('usr_ana');
  const { item, members } = pendingCluster();
  const cluster = Cluster.parse(
    await (await fetch(`${base}/api/items/${item.id}/cluster`, { headers: { cookie } })).json(),
  );
  expect(cluster.itemId).toBe(item.id);
  expect(cluster.members.map((m) => m.item.id)).toEqual(
    expect.arrayContaining(members.map((m) => m.item.id)),
  );
  expect(cluster.members.some((m) => m.item.id === item.id)).toBe(false);
  for (const member of cluster.members) {
    const other = testBackend.state.itemsById.get(member.item.id);
    if (member.match === 'sha256') expect(other?.media.sha256).toBe(item.media.sha256);
    else expect(member.distance).toBeLessThanOrEqual(cluster.maxPdqDistance);
    expect(member.provenance.supplier.id).toBe(other?.provenance.supplier.id);
  }
});

test('a cluster decision decides each item on its own and skips one held by someone else', async () => {
  const ana = signInForTest('usr_ana');
  const ben = signInForTest('usr_ben');
  const { item, members } = pendingCluster();
  const [held] = members;
  if (!held) throw new Error('no member');
  const claimed = await fetch(`${base}/api/items/${held.item.id}/claim`, {
    method: 'POST',
    headers: { cookie: ben.cookie, [CSRF_HEADER]: CSRF_VALUE },
  });
  expect(claimed.status).toBe(200);

  const response = await fetch(`${base}/api/items/${item.id}/cluster-decisions`, {
    method: 'POST',
    headers: { cookie: ana.cookie, 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify({
      verdict: { kind: 'escalate', reason: 'Same file across two suppliers' },
      note: null,
      items: [item, held.item].map((i) => ({ itemId: i.id, itemVersion: i.version })),
      idempotencyKey: 'cluster-key-0001',
    }),
  });
  const { outcomes } = ClusterDecisionResult.parse(await response.json());
  expect(outcomes.map((o) => [o.itemId, o.outcome])).toEqual([
    [item.id, 'decided'],
    [held.item.id, 'skipped'],
  ]);
  expect(outcomes[1]).toMatchObject({ code: 'held' });
  expect(item.status).toBe('escalated');
  const decided = testBackend.state.audit
    .range(1, testBackend.state.audit.size)
    .findLast((e) => e.action === 'item.decided' && e.subject.id === item.id);
  expect(decided?.detail).toMatchObject({ clusterOf: item.id });
  expect(testBackend.state.itemsById.get(held.item.id)?.status).toBe('pending');
  expect(testBackend.state.decisions.get(held.item.id) ?? []).toEqual([]);
});

test('a cluster decision touches only the cluster, and only items waiting for the same review', async () => {
  const ana = signInForTest('usr_ana');
  const { item } = pendingCluster();
  const stranger = testBackend.state.items.find(
    (i) => i.status === 'pending' && i.media.sha256 !== item.media.sha256 && i.id !== item.id,
  );
  const member = clusterOf(testBackend.state, item).members[0];
  if (!stranger || !member) throw new Error('seed lacks the items');
  const memberItem = testBackend.state.itemsById.get(member.item.id);
  if (!memberItem) throw new Error('no member');
  const before = memberItem.status;
  memberItem.status = 'escalated'; // waits for a supervisor, not a first review
  const response = await fetch(`${base}/api/items/${item.id}/cluster-decisions`, {
    method: 'POST',
    headers: { cookie: ana.cookie, 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify({
      verdict: { kind: 'dismiss', reason: 'adult_content' },
      note: null,
      items: [stranger, memberItem].map((i) => ({ itemId: i.id, itemVersion: i.version })),
      idempotencyKey: 'cluster-key-0002',
    }),
  });
  const { outcomes } = ClusterDecisionResult.parse(await response.json());
  memberItem.status = before;
  expect(outcomes.map((o) => (o.outcome === 'skipped' ? o.code : o.outcome))).toEqual([
    'not_in_cluster',
    'other_stage',
  ]);
  expect(stranger.status).toBe('pending');
});
