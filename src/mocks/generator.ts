import { DismissReason, type Decision, type Verdict } from '../api/schemas/decision';
import type {
  FlaggedItem,
  HashList,
  ItemStatus,
  Lease,
  Priority,
  Provenance,
  Signal,
} from '../api/schemas/item';
import type { User } from '../api/schemas/user';
import type { NewAuditEvent } from './backend/audit-log';
import { demoUsers, otherUsers, queueDefinitions, type QueueDefinition } from './backend/directory';
import { createRandom, type Random } from './backend/random';
import hostile from './fixtures/hostile-strings.json';

export interface GeneratorOptions {
  seed: number;
  /** Total items over all queues. */
  items: number;
  /** The instant the data is generated against; same seed + same `now` → same data. */
  now: Date;
  leaseSeconds: number;
}

export interface GeneratedData {
  items: FlaggedItem[];
  decisions: Map<string, Decision[]>;
  /** History of the seeded decisions, oldest first, for the audit log. */
  history: NewAuditEvent[];
}

/** Third-party strings: every untrusted field draws from these about a third of the time. */
const hostileStrings: readonly string[] = [
  ...hostile.html,
  ...hostile.urls,
  ...hostile.text,
  ...hostile.csv,
  ...hostile.xml,
];
const hostileUrls: readonly string[] = hostile.urls;

const suppliers = [
  { id: 'sup-acme', name: 'Acme Data', contractRef: 'C-2291' },
  { id: 'sup-northwind', name: 'Northwind Corpus Ltd', contractRef: 'NW-0117' },
  { id: 'sup-lumen', name: 'Lumen Crawl Co-op', contractRef: null },
  { id: 'sup-atlas', name: 'Atlas Media Licensing', contractRef: 'AML-88' },
  { id: 'sup-openweb', name: 'OpenWeb Commons', contractRef: 'OWC-5' },
  { id: 'sup-kestrel', name: 'Kestrel Labs', contractRef: 'KL-2024-3' },
] as const;

const datasets = [
  { id: 'ds-webimg', name: 'webimg', versions: ['v3', '2025-09', '2025-11'] },
  { id: 'ds-captions', name: 'alt-captions', versions: ['1.2', '1.3'] },
  { id: 'ds-stock', name: 'stock-licensed', versions: ['2024Q4'] },
  { id: 'ds-forum', name: 'forum-scrape', versions: ['r7', 'r8'] },
] as const;

const acquisitionMethods = [
  ['web_crawl', 6],
  ['licensed_corpus', 2],
  ['purchased', 1],
  ['user_contributed', 1],
  ['unknown', 1],
] as const;
const batchIds = Array.from({ length: 37 }, (_, i) => `b-${4400 + i}`);
const httpStatuses = [200, 200, 200, 301, 404] as const;
const licenses = ['CC-BY-4.0', 'proprietary', 'unknown'] as const;

const hosts = [
  'img.example-cdn.net',
  'media.sample-host.org',
  'files.demo-share.io',
  'pics.test-board.com',
];
const reviewers: readonly User[] = [...demoUsers, ...otherUsers].filter(
  (u) => u.role === 'analyst',
);
const supervisors: readonly User[] = [...demoUsers, ...otherUsers].filter(
  (u) => u.role === 'supervisor',
);
const leaseHolders: readonly User[] = demoUsers.filter((u) => u.role !== 'auditor');

const triageQueues = queueDefinitions.filter(
  (q): q is QueueDefinition & { routes: NonNullable<QueueDefinition['routes']> } =>
    q.routes !== undefined,
);

const dismissReasons = DismissReason.options;

const DAY = 86_400_000;
const dayPrefixes = new Map<number, number[]>();
const isoChars: number[] = new Array<number>(24).fill(0);
const digit = (n: number) => 48 + n;
function writeTwoDigits(at: number, value: number) {
  isoChars[at] = digit(Math.floor(value / 10));
  isoChars[at + 1] = digit(value % 10);
}
/**
 * `new Date(ms).toISOString()`, several times faster and as one flat string (the generator formats
 * about a million; a string built by concatenation keeps every piece alive).
 */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    const date = new Date(day * DAY).toISOString();
    prefix = Array.from({ length: 11 }, (_, i) => date.charCodeAt(i));
    dayPrefixes.set(day, prefix);
  }
  for (let i = 0; i < 11; i++) isoChars[i] = prefix[i] ?? 0;
  const inDay = ms - day * DAY;
  writeTwoDigits(11, Math.floor(inDay / 3_600_000));
  isoChars[13] = 58; // ':'
  writeTwoDigits(14, Math.floor(inDay / 60_000) % 60);
  isoChars[16] = 58; // ':'
  writeTwoDigits(17, Math.floor(inDay / 1000) % 60);
  isoChars[19] = 46; // '.'
  const millis = inDay % 1000;
  isoChars[20] = digit(Math.floor(millis / 100));
  writeTwoDigits(21, millis % 100);
  isoChars[23] = 90; // 'Z'
  return String.fromCharCode(...isoChars);
}
const HOUR = 3_600_000;

/** How far behind each triage queue runs: >1 means some waiting items are past their SLA. */
const queueBacklog: Record<string, number> = {
  'q-hash': 1.15,
  'q-clf-high': 0.9,
  'q-clf-low': 1.05,
  'q-text': 0.8,
};

/** A value, or — about a third of the time — a hostile string, as untrusted data really is. */
const untrusted = (r: Random, value: string) => (r.chance(0.33) ? r.pick(hostileStrings) : value);
const maybe = <T>(r: Random, probability: number, value: () => T): T | null =>
  r.chance(probability) ? value() : null;

function generateSignal(r: Random, queue: (typeof triageQueues)[number]): Signal {
  const { signalKind, band } = queue.routes;
  switch (signalKind) {
    case 'hash_match': {
      const hashList = r.weighted<HashList>([
        ['ncmec', 5],
        ['industry', 3],
        ['internal', 2],
      ]);
      const algorithm = r.weighted([
        ['PDQ', 6],
        ['MD5', 2],
        ['PhotoDNA', 1],
        ['SHA256', 1],
      ] as const);
      const fuzzy = algorithm === 'PDQ' || algorithm === 'PhotoDNA';
      return {
        kind: 'hash_match',
        ruleId: `hash-${hashList}-${algorithm.toLowerCase()}`,
        ruleName: `${hashList.toUpperCase()} list · ${algorithm}`,
        ruleVersion: `${r.int(1, 4)}`,
        hashList,
        algorithm,
        distance: fuzzy ? r.int(0, 40) : 0,
        maxDistance: fuzzy ? 31 : 0,
      };
    }
    case 'classifier': {
      const threshold = band === 'high' ? 0.9 : 0.7;
      const score = band === 'high' ? 0.9 + r.next() * 0.1 : 0.55 + r.next() * 0.35;
      const version = r.pick(['7', '8']);
      return {
        kind: 'classifier',
        ruleId: `clf-csam-v${version}`,
        ruleName: `csam-v${version} image classifier`,
        ruleVersion: version,
        score: Math.round(score * 1000) / 1000,
        threshold,
      };
    }
    case 'text_rule': {
      const rule = r.pick(['age-terms', 'trade-slang', 'file-name-pattern']);
      return {
        kind: 'text_rule',
        ruleId: `text-${rule}`,
        ruleName: `Text rule: ${rule}`,
        ruleVersion: `${r.int(1, 12)}`,
        field: r.pick(['pageTitle', 'fileName', 'caption']),
        matchedText: untrusted(r, r.pick(['[term redacted]', 'pattern 0xA1', 'rule-token-17'])),
      };
    }
    case 'heuristic':
      return {
        kind: 'heuristic',
        ruleId: 'heur-cluster',
        ruleName: 'Near a confirmed cluster',
        ruleVersion: '1',
        description: 'Shares a host and batch with confirmed items.',
      };
  }
}

function generateProvenance(
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
    for (let extra = r.int(0, 2); extra > 0; extra--) sourceUrls.push(fileUrl);
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

function priorityOf(r: Random, signal: Signal): Priority {
  if (signal.kind === 'hash_match' && signal.hashList === 'ncmec')
    return r.chance(0.6) ? 'p0' : 'p1';
  if (signal.kind === 'classifier' && signal.score >= 0.9) return r.chance(0.5) ? 'p1' : 'p2';
  return r.weighted<Priority>([
    ['p1', 1],
    ['p2', 3],
    ['p3', 3],
  ]);
}

interface HistoryStep {
  verdict: Verdict;
  stage: Decision['stage'];
  actor: User;
}

const noHistory: HistoryStep[] = [];

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

function withLazyProvenance(
  core: Omit<FlaggedItem, 'provenance'>,
  generate: () => Provenance,
): FlaggedItem {
  provenanceGenerators.set(core, generate);
  return Object.defineProperty(core, 'provenance', lazyProvenance) as FlaggedItem;
}

/** The decisions that would have led to the seeded status, in order. */
function historyFor(
  r: Random,
  status: ItemStatus,
  signal: Signal,
  hashOnly: boolean,
): HistoryStep[] {
  if (status === 'pending') return noHistory;
  const first = r.pick(reviewers);
  const second = r.pick(reviewers.filter((u) => u.id !== first.id));
  const confirm: Verdict = {
    kind: 'confirm',
    classification: hashOnly ? null : r.pick(['A1', 'A2', 'B1', 'B2'] as const),
  };
  switch (status) {
    case 'awaiting_second_review':
      return [{ verdict: confirm, stage: 'first', actor: first }];
    case 'confirmed':
      return [
        { verdict: confirm, stage: 'first', actor: first },
        { verdict: confirm, stage: 'second', actor: second },
      ];
    case 'escalated':
      return [
        {
          verdict: { kind: 'escalate', reason: 'Unsure of age; needs a supervisor.' },
          stage: 'first',
          actor: first,
        },
      ];
    case 'dismissed': {
      const dismiss: Verdict = { kind: 'dismiss', reason: r.pick(dismissReasons) };
      const ncmecHash = signal.kind === 'hash_match' && signal.hashList === 'ncmec';
      // Dismissing an NCMEC hash match takes a second review; a supervisor may also have ruled.
      return ncmecHash
        ? [
            { verdict: dismiss, stage: 'first', actor: first },
            { verdict: dismiss, stage: 'second', actor: second },
          ]
        : r.chance(0.1)
          ? [{ verdict: dismiss, stage: 'supervisor', actor: r.pick(supervisors) }]
          : [{ verdict: dismiss, stage: 'first', actor: first }];
    }
  }
}

export function generateData(options: GeneratorOptions): GeneratedData {
  const r = createRandom(options.seed);
  const nowMs = options.now.getTime();
  const items: FlaggedItem[] = [];
  const decisions = new Map<string, Decision[]>();
  const history: NewAuditEvent[] = [];
  const queueShares = triageQueues.map((q) => [q, q.routes.share] as const);

  for (let index = 0; index < options.items; index++) {
    const queue = r.weighted(queueShares);
    const signal = generateSignal(r, queue);
    const status = r.weighted<ItemStatus>([
      ['pending', 70],
      ['awaiting_second_review', 5],
      ['escalated', 5],
      ['confirmed', 10],
      ['dismissed', 10],
    ]);
    // Waiting items are mostly within their queue's SLA, a few past it; decided ones span 3 days.
    const ageMs =
      status === 'pending'
        ? queue.slaSeconds * 1000 * (queueBacklog[queue.id] ?? 1) * r.next() ** 2
        : r.int(30, 72 * 60) * 60_000;
    const flaggedAtMs = nowMs - Math.max(60_000, Math.floor(ageMs));
    const kind = r.weighted([
      ['image', 16],
      ['video', 2],
      ['text', 1],
      ['archive', 1],
    ] as const);
    const reusedHash =
      index > 0 && r.chance(0.05) ? items[r.int(0, index - 1)]?.media.sha256 : undefined;
    const hashOnly =
      kind !== 'image' ||
      (signal.kind === 'hash_match' && signal.hashList === 'ncmec') ||
      r.chance(0.1);
    const id = `itm_${r.hex(4)}${index.toString(36).padStart(4, '0')}`;
    const steps = historyFor(r, status, signal, hashOnly);
    const itemDecisions = steps.map((step, i): Decision => ({
      id: `dec_${id.slice(4)}_${i + 1}`,
      itemId: id,
      itemVersion: i + 1,
      stage: step.stage,
      verdict: step.verdict,
      note: null,
      actor: { id: step.actor.id, name: step.actor.name, role: step.actor.role },
      at: iso(flaggedAtMs + (i + 1) * Math.floor((nowMs - flaggedAtMs) / (steps.length + 1))),
    }));
    const leaseHolder = status === 'pending' && r.chance(0.03) ? r.pick(leaseHolders) : null;
    const lease: Lease | null = leaseHolder && {
      holderId: leaseHolder.id,
      holderName: leaseHolder.name,
      expiresAt: iso(nowMs + options.leaseSeconds * 1000),
    };
    const extraSignal = r.chance(0.2) ? generateSignal(r, r.pick(triageQueues)) : null;

    const supplier = r.pick(suppliers);
    const core: Omit<FlaggedItem, 'provenance'> = {
      id,
      version: 1 + itemDecisions.length,
      queueId: queue.id,
      status,
      priority: priorityOf(r, signal),
      flaggedAt: iso(flaggedAtMs),
      slaDueAt: iso(flaggedAtMs + queue.slaSeconds * 1000),
      lease,
      media: {
        kind,
        mimeType: {
          image: 'image/jpeg',
          video: 'video/mp4',
          text: 'text/plain',
          archive: 'application/zip',
        }[kind],
        byteSize: r.int(2_000, 8_000_000),
        width: kind === 'image' || kind === 'video' ? r.int(64, 4096) : null,
        height: kind === 'image' || kind === 'video' ? r.int(64, 4096) : null,
        durationSeconds: kind === 'video' ? r.int(2, 900) : null,
        sha256: reusedHash ?? r.hex(64),
        md5: r.hex(32),
        pdq: kind === 'image' ? r.hex(64) : null,
        originalHash: maybe(r, 0.7, () => ({ algorithm: 'SHA256' as const, value: r.hex(64) })),
        fileName: maybe(r, 0.85, () => untrusted(r, `IMG_${r.int(1000, 9999)}.jpg`)),
        exif: r.chance(0.5)
          ? [
              { tag: 'Make', value: untrusted(r, r.pick(['Canon', 'Nikon', 'Apple'])) },
              { tag: 'Software', value: untrusted(r, 'GIMP 2.10') },
            ]
          : [],
      },
      preview: hashOnly
        ? { mode: 'hash_only' }
        : { mode: 'blurred', blurredUrl: `/api/items/${id}/preview` },
      signals: extraSignal ? [signal, extraSignal] : [signal],
    };
    const itemSeed =
      (Math.imul(options.seed + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
    items.push(
      withLazyProvenance(core, () =>
        generateProvenance(createRandom(itemSeed), supplier, index, flaggedAtMs),
      ),
    );
    if (itemDecisions.length > 0) {
      decisions.set(id, itemDecisions);
      for (const decision of itemDecisions) {
        history.push({
          at: decision.at,
          actor: decision.actor,
          action: 'item.decided',
          subject: { type: 'item', id },
          detail: {
            decisionId: decision.id,
            stage: decision.stage,
            verdict: decision.verdict.kind,
            itemVersion: decision.itemVersion,
            seeded: true,
          },
        });
      }
    }
  }
  history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { items, decisions, history };
}
