import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../db/tables';

/**
 * The most PDQ Hamming distance, in bits (inclusive), at which two items cluster: PDQ's own
 * threshold for "the same picture, re-encoded or resized".
 */
export const PDQ_CLUSTER_DISTANCE = 31;

/**
 * Whether the item aliased `other` is in the cluster of the one aliased `anchor`: the same
 * SHA-256, or PDQs within `PDQ_CLUSTER_DISTANCE` bits.
 */
export const inCluster = sql<SqlBool>`(other.sha256 = anchor.sha256 or (
  other.pdq is not null and anchor.pdq is not null
  and bit_count(('x' || other.pdq)::bit(256) # ('x' || anchor.pdq)::bit(256)) <= ${sql.lit(PDQ_CLUSTER_DISTANCE)}))`;

/**
 * The ids of the other items in an item's same-hash cluster: those sharing its SHA-256, or whose
 * PDQ is within `PDQ_CLUSTER_DISTANCE` bits of its PDQ. A neighbourhood of one item, not a
 * transitive closure; empty when the item does not exist.
 */
export async function clusterMemberIds(
  db: Kysely<Database> | Transaction<Database>,
  anchorId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('items as anchor')
    .innerJoin('items as other', (join) => join.onRef('other.id', '<>', 'anchor.id').on(inCluster))
    .select('other.id')
    .where('anchor.id', '=', anchorId)
    .orderBy('other.id')
    .execute();
  return rows.map((row) => row.id);
}
