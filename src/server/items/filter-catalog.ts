import { sql, type Transaction } from 'kysely';
import { FilterCatalog } from '../../api/schemas/catalog';
import type { Database } from '../db/tables';
import { codeUnitOrder } from '../../lib/code-unit-order';

const byName = (a: { name: string }, b: { name: string }) => codeUnitOrder(a.name, b.name);

/**
 * What the list filters offer: every supplier and every rule that flagged an item, by name. Each
 * distinct id is found by skipping through its index (one probe per supplier or rule, however many
 * items there are), then named from one of its rows.
 */
export async function filterCatalog(trx: Transaction<Database>): Promise<FilterCatalog> {
  const [suppliers, rules] = await Promise.all([
    sql<{ id: string; name: string }>`
      with recursive found (id) as (
        (select supplier_id from provenance order by supplier_id limit 1)
        union all
        select (select p.supplier_id from provenance p where p.supplier_id > found.id
                order by p.supplier_id limit 1)
        from found where found.id is not null
      )
      select found.id,
        (select p.supplier ->> 'name' from provenance p where p.supplier_id = found.id limit 1) as name
      from found where found.id is not null`.execute(trx),
    sql<{ id: string; name: string; kind: string }>`
      with recursive found (id) as (
        (select rule_id from signals order by rule_id limit 1)
        union all
        select (select s.rule_id from signals s where s.rule_id > found.id
                order by s.rule_id limit 1)
        from found where found.id is not null
      )
      select found.id, named.name, named.kind from found
      cross join lateral (
        select s.signal ->> 'ruleName' as name, s.kind from signals s
        where s.rule_id = found.id limit 1
      ) named
      where found.id is not null`.execute(trx),
  ]);
  return FilterCatalog.parse({
    suppliers: [...suppliers.rows].sort(byName),
    rules: [...rules.rows].sort(byName),
  });
}
