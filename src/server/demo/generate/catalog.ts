import { DismissReason } from '../../../api/schemas/decision';
import type { User } from '../../../api/schemas/user';
import {
  demoUsers,
  otherUsers,
  queueDefinitions,
  type QueueDefinition,
} from '../../directory/directory';
import type { Random } from '../random';
import hostile from '../fixtures/hostile-strings.json';

/** The synthetic world the generator draws from: suppliers, datasets, hosts, people, queues. */

/** Third-party strings: every untrusted field draws from these about a third of the time. */
/**
 * Every hostile string the data can hold: all but those with U+0000, which the contract refuses
 * at its boundary (a database cannot store it), so no record holds one.
 */
export const hostileStrings: readonly string[] = [
  ...hostile.html,
  ...hostile.urls,
  ...hostile.text,
  ...hostile.csv,
  ...hostile.xml,
].filter((text) => !text.includes('\0'));
export const hostileUrls: readonly string[] = hostile.urls;

export const suppliers = [
  { id: 'sup-acme', name: 'Acme Data', contractRef: 'C-2291' },
  { id: 'sup-northwind', name: 'Northwind Corpus Ltd', contractRef: 'NW-0117' },
  { id: 'sup-lumen', name: 'Lumen Crawl Co-op', contractRef: null },
  { id: 'sup-atlas', name: 'Atlas Media Licensing', contractRef: 'AML-88' },
  { id: 'sup-openweb', name: 'OpenWeb Commons', contractRef: 'OWC-5' },
  { id: 'sup-kestrel', name: 'Kestrel Labs', contractRef: 'KL-2024-3' },
] as const;

export const datasets = [
  { id: 'ds-webimg', name: 'webimg', versions: ['v3', '2025-09', '2025-11'] },
  { id: 'ds-captions', name: 'alt-captions', versions: ['1.2', '1.3'] },
  { id: 'ds-stock', name: 'stock-licensed', versions: ['2024Q4'] },
  { id: 'ds-forum', name: 'forum-scrape', versions: ['r7', 'r8'] },
] as const;

export const acquisitionMethods = [
  ['web_crawl', 6],
  ['licensed_corpus', 2],
  ['purchased', 1],
  ['user_contributed', 1],
  ['unknown', 1],
] as const;
export const batchIds = Array.from({ length: 37 }, (_, i) => `b-${4400 + i}`);
export const httpStatuses = [200, 200, 200, 301, 404] as const;
export const licenses = ['CC-BY-4.0', 'proprietary', 'unknown'] as const;

export const hosts = [
  'img.example-cdn.net',
  'media.sample-host.org',
  'files.demo-share.io',
  'pics.test-board.com',
];
export const reviewers: readonly User[] = [...demoUsers, ...otherUsers].filter(
  (u) => u.role === 'analyst',
);
export const supervisors: readonly User[] = [...demoUsers, ...otherUsers].filter(
  (u) => u.role === 'supervisor',
);
/** Who holds the seeded live leases: the demo's analysts and its first supervisor. */
export const leaseHolders: readonly User[] = demoUsers.filter(
  (u) => u.role === 'analyst' || u.id === supervisors[0]?.id,
);

export const triageQueues = queueDefinitions.filter(
  (q): q is QueueDefinition & { routes: NonNullable<QueueDefinition['routes']> } =>
    q.routes !== undefined,
);

/** Seeded dismissals carry no note, so never `other` (which needs one). */
export const dismissReasons = DismissReason.options.filter((reason) => reason !== 'other');

export type TriageQueue = (typeof triageQueues)[number];

export const HOUR = 3_600_000;

/** How far behind each triage queue runs: >1 means some waiting items are past their SLA. */
export const queueBacklog: Record<string, number> = {
  'q-hash': 1.15,
  'q-clf-high': 0.9,
  'q-clf-low': 1.05,
  'q-text': 0.8,
};

/** A value, or — about a third of the time — a hostile string, as untrusted data really is. */
export const untrusted = (r: Random, value: string) =>
  r.chance(0.33) ? r.pick(hostileStrings) : value;
export const maybe = <T>(r: Random, probability: number, value: () => T): T | null =>
  r.chance(probability) ? value() : null;
