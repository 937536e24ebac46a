import type { SupplierScore } from '../../api/schemas/insights';
import type { SupplierReasons } from '../../api/schemas/report-workflow';
import { keptEntryPresent, provenanceRules } from '../../domain/provenance-checklist';
import type { InsightItem } from './insight-item';

const actionability = provenanceRules.filter((rule) => rule.level === 'actionability');

interface SupplierReports {
  reasons: (
    supplierId: string,
  ) => Pick<SupplierReasons['reasons'][number], 'field' | 'reason' | 'reports'>[];
  filed: (supplierId: string) => number;
}

/**
 * Per supplier: how much of what makes a report actionable its provenance carries (the
 * provenance checklist's actionability entries, as the shares of its items that hold each), the
 * reasons given in reports for what it lacked, and the reports filed. Worst provenance first.
 * `now` is the server's clock, against which a value's date is judged sendable.
 */
export function supplierScorecard(
  items: readonly InsightItem[],
  reports: SupplierReports,
  now = new Date(),
): SupplierScore[] {
  const bySupplier = new Map<
    string,
    {
      name: string;
      items: number;
      confirmed: number;
      present: Map<string, { label: string; n: number }>;
    }
  >();
  for (const item of items) {
    const { id, name } = item.supplier;
    let entry = bySupplier.get(id);
    if (!entry) {
      entry = { name, items: 0, confirmed: 0, present: new Map() };
      bySupplier.set(id, entry);
    }
    entry.items++;
    if (item.status === 'confirmed') entry.confirmed++;
    for (const rule of actionability) {
      const counted = entry.present.get(rule.id) ?? { label: rule.label, n: 0 };
      if (keptEntryPresent(rule.id, item.kept, now)) counted.n++;
      entry.present.set(rule.id, counted);
    }
  }
  const scores = [...bySupplier].map(([supplierId, entry]) => ({
    supplierId,
    name: entry.name,
    items: entry.items,
    confirmed: entry.confirmed,
    fields: [...entry.present].map(([id, { label, n }]) => ({ id, label, share: n / entry.items })),
    notAvailable: reports
      .reasons(supplierId)
      .map(({ field, reason, reports: count }) => ({ field, reason, reports: count })),
    reportsFiled: reports.filed(supplierId),
  }));
  const mean = (score: SupplierScore) =>
    score.fields.reduce((sum, f) => sum + f.share, 0) / Math.max(1, score.fields.length);
  return scores.sort((a, b) => mean(a) - mean(b) || a.name.localeCompare(b.name));
}
