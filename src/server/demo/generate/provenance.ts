import type { FlaggedItem, Provenance } from '../../../api/schemas/item';
import type { Random } from '../random';
import {
  HOUR,
  acquisitionMethods,
  batchIds,
  datasets,
  hostileUrls,
  hosts,
  httpStatuses,
  licenses,
  untrusted,
} from './catalog';
import { iso } from './iso-time';

export function generateProvenance(
  r: Random,
  supplier: Provenance['supplier'],
  index: number,
  flaggedAtMs: number,
): Provenance {
  const dataset = r.pick(datasets);
  const method = r.weighted(acquisitionMethods);
  const acquiredMs = flaggedAtMs - r.int(24, 24 * 120) * HOUR;
  const host = r.pick(hosts);
  const fileUrl = `https://${host}/${r.hex(8)}/${r.hex(6)}.jpg`;
  const sourceUrls: string[] = [];
  if (r.chance(0.8)) {
    sourceUrls.push(r.chance(0.33) ? r.pick(hostileUrls) : fileUrl);
    // The same file found elsewhere too.
    for (let extra = r.int(0, 2); extra > 0; extra--) {
      sourceUrls.push(`https://${r.pick(hosts)}/${r.hex(8)}.jpg`);
    }
  }
  // Each field is sometimes missing (null), as real supplier data is.
  return {
    supplier,
    dataset: r.chance(0.9)
      ? {
          id: dataset.id,
          name: dataset.name,
          version: r.chance(0.85) ? r.pick(dataset.versions) : null,
        }
      : null,
    acquisition: {
      method,
      acquiredAt: r.chance(0.8) ? iso(acquiredMs) : null,
      batchId: r.chance(0.85) ? (batchIds[index % batchIds.length] ?? null) : null,
      manifestRef: r.chance(0.7) ? `manifest-${r.hex(6)}.parquet` : null,
      recordId: r.chance(0.75) ? `shard-${r.int(0, 511)}/rec-${r.int(0, 99999)}` : null,
      crawlSnapshot:
        method === 'web_crawl' && r.chance(0.6) ? `CC-MAIN-2025-${r.int(10, 40)}` : null,
    },
    origin: {
      sourceUrls,
      pageUrl: r.chance(0.7) ? untrusted(r, `https://${host}/page/${r.hex(6)}`) : null,
      pageTitle: r.chance(0.6) ? untrusted(r, `Gallery ${r.int(1, 900)}`) : null,
      crawledAt: r.chance(0.75) ? iso(acquiredMs - r.int(1, 240) * HOUR) : null,
      httpStatus: r.chance(0.7) ? r.pick(httpStatuses) : null,
      hostIp: r.chance(0.4) ? `198.51.100.${r.int(1, 254)}` : null,
      uploader: r.chance(0.3)
        ? {
            accountName: untrusted(r, `user_${r.hex(5)}`),
            profileUrl: r.chance(0.5) ? untrusted(r, `https://${host}/u/${r.hex(5)}`) : null,
            // User-contributed sources sometimes log the uploader's address.
            ...(method === 'user_contributed' && r.chance(0.6)
              ? {
                  ipAddress: `203.0.113.${r.int(1, 254)}`,
                  uploadedAt: iso(acquiredMs - r.int(24, 24 * 30) * HOUR),
                }
              : { ipAddress: null, uploadedAt: null }),
          }
        : null,
      license: r.chance(0.5) ? untrusted(r, r.pick(licenses)) : null,
    },
    custody: [
      {
        kind: 'ingested',
        at: iso(acquiredMs + HOUR),
        by: 'ingest-pipeline',
        location: 'quarantine-bucket/eu-1',
      },
      {
        kind: 'hashed',
        at: iso(acquiredMs + 2 * HOUR),
        by: 'hasher',
        location: 'quarantine-bucket/eu-1',
      },
      {
        kind: 'scanned',
        at: iso(flaggedAtMs - HOUR),
        by: 'scanner',
        location: 'scan-cluster/eu-1',
      },
      { kind: 'quarantined', at: iso(flaggedAtMs), by: 'scanner', location: 'evidence-vault/eu-1' },
    ],
  };
}

/**
 * Provenance is most of an item's size but is read only when an item is opened, filtered by
 * supplier or reported, so it is generated on first read, from the item's own random stream: the
 * same seed gives the same provenance whenever, and in whatever order, items are read. (This keeps
 * 100,000 items within the generation budget.) On first read or write the accessor becomes a plain
 * data property. The accessor functions and descriptor are shared, so an item costs no closures.
 */
const provenanceGenerators = new WeakMap<object, () => Provenance>();

function settle(item: object, provenance: Provenance): Provenance {
  provenanceGenerators.delete(item);
  Object.defineProperty(item, 'provenance', {
    value: provenance,
    writable: true,
    enumerable: true,
    configurable: true,
  });
  return provenance;
}

const lazyProvenance: PropertyDescriptor = Object.freeze({
  enumerable: true,
  configurable: true,
  get(this: object) {
    const generate = provenanceGenerators.get(this);
    if (!generate) throw new Error('provenance generator missing');
    return settle(this, generate());
  },
  set(this: object, value: Provenance) {
    settle(this, value);
  },
});

export function withLazyProvenance(
  core: Omit<FlaggedItem, 'provenance'>,
  generate: () => Provenance,
): FlaggedItem {
  provenanceGenerators.set(core, generate);
  return Object.defineProperty(core, 'provenance', lazyProvenance) as FlaggedItem;
}
