import type { FlaggedItem } from '../../api/schemas/item';

/**
 * The words a draft starts with: where its items came from and how they were found, each from a
 * record that says so. What no record says (that the files were kept out of training, that a web
 * page is a third party's) is left for a person, and the checklist asks for it.
 */

/** What the supplier's data says about where an item came from, for `additionalInfo`. */
export function sourceDetails(item: FlaggedItem): string {
  const { supplier, dataset, acquisition, origin } = item.provenance;
  const parts = [
    `Supplier: ${supplier.name}${supplier.contractRef ? ` (contract ${supplier.contractRef})` : ''}`,
    dataset && `Dataset: ${dataset.name}${dataset.version ? ` version ${dataset.version}` : ''}`,
    acquisition.recordId && `Record: ${acquisition.recordId}`,
    acquisition.batchId && `Batch: ${acquisition.batchId}`,
    acquisition.crawlSnapshot && `Crawl snapshot: ${acquisition.crawlSnapshot}`,
    acquisition.manifestRef && `Manifest: ${acquisition.manifestRef}`,
    origin.hostIp && `Server IP: ${origin.hostIp}`,
  ];
  return parts.filter(Boolean).join('. ');
}

/** The source in the console's 100 characters for a web page's `additionalInfo`, else a pointer. */
export function shortSource(item: FlaggedItem): string {
  const { supplier, dataset, acquisition, origin } = item.provenance;
  const text = [
    supplier.name,
    dataset && [dataset.name, dataset.version].filter(Boolean).join(' '),
    acquisition.batchId,
    acquisition.recordId,
    origin.hostIp,
  ]
    .filter(Boolean)
    .join(' / ');
  return text.length <= 100 ? text : 'Source details: see the report’s additional information.';
}

/**
 * How the items were found (their detection rules) and what the custody record shows of their
 * quarantine: where, and for how many of them. Nothing about training: no record says.
 */
export function detectionSummary(items: readonly FlaggedItem[]): string {
  const rules = [
    ...new Set(items.flatMap((i) => i.signals.map((s) => `${s.ruleName} ${s.ruleVersion}`))),
  ];
  const quarantined = new Map<string, number>();
  for (const item of items) {
    const places = new Set(
      item.provenance.custody.filter((c) => c.kind === 'quarantined').map((c) => c.location),
    );
    for (const place of places) quarantined.set(place, (quarantined.get(place) ?? 0) + 1);
  }
  const of = (count: number) =>
    count === items.length
      ? items.length === 1
        ? 'the item'
        : `all ${items.length} items`
      : `${count} of ${items.length} items`;
  return [
    'Found by scanning third-party AI training data.',
    `Detection: ${rules.join('; ')}.`,
    ...[...quarantined].map(
      ([place, count]) => `The custody record shows ${of(count)} quarantined in ${place}.`,
    ),
  ].join(' ');
}
