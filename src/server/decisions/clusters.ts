import { sql, type Kysely, type Transaction } from 'kysely';
import { ClusterMember, type Cluster } from '../../api/schemas/cluster';
import { Provenance } from '../../api/schemas/item';
import { noItem } from '../claims/item-state';
import type { Database } from '../db/tables';
import { itemsWithHolders, leaseOf } from '../items/item-rows';
import { PDQ_CLUSTER_DISTANCE } from '../review/cluster-members';

/**
 * The same-hash "cluster" of an item: the other items that share its SHA-256, or whose PDQ is
 * within a Hamming distance of its PDQ. A neighbourhood of one item, not a transitive closure.
 */

/** The most members the cluster view lists. */
const VIEW_LIMIT = 500;

const PDQ_FORM = /^[0-9a-fA-F]{64}$/;

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The other items of the anchor's cluster (among `among`, when given): SHA-256 matches first,
 * then by PDQ distance, then by id. The distance is the popcount of the XOR of the two hashes as
 * 256-bit strings; a malformed PDQ (not 64 hex digits) matches only by SHA-256, as the index of
 * the in-memory backend left it out.
 */
export async function clusterMembers(
  db: Db,
  anchor: { id: string; sha256: string; pdq: string | null },
  { among, limit }: { among?: readonly string[]; limit?: number } = {},
): Promise<ClusterMember[]> {
  if (among?.length === 0) return [];
  const pdq = anchor.pdq !== null && PDQ_FORM.test(anchor.pdq) ? anchor.pdq : null;
  // CASE keeps the cast from ever meeting a malformed hash.
  const distance =
    pdq === null
      ? sql<number | null>`null::integer`
      : sql<number | null>`case when items.pdq ~ '^[0-9a-fA-F]{64}$'
          then bit_count(('x' || items.pdq)::bit(256) # ('x' || ${pdq})::bit(256))::integer end`;
  let query = itemsWithHolders(db)
    .select([
      'items.id',
      'items.version',
      'items.queue_id',
      'items.status',
      'items.sha256',
      'claims.holder_id',
      'claims.window_id',
      'claims.expires_at',
      'users.name as holder_name',
      'provenance.supplier',
      'provenance.dataset',
      'provenance.batch_id',
      'provenance.origin',
      distance.as('distance'),
    ])
    .where('items.id', '<>', anchor.id)
    .where((eb) =>
      pdq === null
        ? eb('items.sha256', '=', anchor.sha256)
        : eb.or([eb('items.sha256', '=', anchor.sha256), eb(distance, '<=', PDQ_CLUSTER_DISTANCE)]),
    );
  if (among) query = query.where('items.id', 'in', among);
  const rows = await query
    .orderBy(sql`items.sha256 = ${anchor.sha256}`, 'desc')
    .orderBy(sql`case when items.sha256 = ${anchor.sha256} then 0 else ${distance} end`)
    .orderBy(sql`items.id collate "C"`)
    .$if(limit !== undefined, (q) => q.limit(limit ?? 0))
    .execute();
  return rows.map((row) => {
    const sameFile = row.sha256 === anchor.sha256;
    return ClusterMember.parse({
      item: {
        id: row.id,
        version: row.version,
        queueId: row.queue_id,
        status: row.status,
        lease: leaseOf(row),
      },
      match: sameFile ? 'sha256' : 'pdq',
      distance: sameFile ? 0 : row.distance,
      provenance: {
        supplier: row.supplier,
        dataset: row.dataset,
        batchId: row.batch_id,
        sourceUrls: Provenance.shape.origin.parse(row.origin).sourceUrls,
      },
    });
  });
}

/** The item's hashes, or a 404. */
export async function clusterAnchor(db: Db, itemId: string) {
  const anchor = await db
    .selectFrom('items')
    .select(['id', 'sha256', 'pdq', 'status', 'version'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!anchor) throw noItem(itemId);
  return anchor;
}

/** The item's cluster as the console lists it. */
export async function clusterOf(db: Db, itemId: string): Promise<Cluster> {
  const anchor = await clusterAnchor(db, itemId);
  return {
    itemId,
    maxPdqDistance: PDQ_CLUSTER_DISTANCE,
    members: await clusterMembers(db, anchor, { limit: VIEW_LIMIT }),
  };
}
