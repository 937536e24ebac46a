import { z } from '../../lib/zod';
import type { Decision } from '../../api/schemas/decision';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import { generateData } from '../generator';
import { createAuditLog, type AuditLog } from './audit-log';
import { demoUsers, otherUsers, queueDefinitions } from './directory';
import { FaultSpec } from './faults';
import { createItemLister } from './item-list';
import type { Reveal } from './reveals';
import { createSessions, type Sessions } from './sessions';
import { createAuditQuery } from './audit-query';
import { createClusterIndex, type ClusterIndex } from './cluster-index';
import { createReportStore, type ReportStore } from './reports/store';
import { createMockNcmec, type MockNcmec } from '../ncmec/mock-ncmec';
import { createInsights } from './insights/insights';

export interface MockConfig {
  seed: number;
  /** Total items over all queues. */
  items: number;
  /** Added to every API response, in ms. */
  latency: number;
  leaseSeconds: number;
  faults: string[];
  /** At least this many audit events: the seeded history is padded with item views. */
  auditEvents: number;
}

export const defaultMockConfig: MockConfig = {
  seed: 1,
  items: 300,
  latency: 0,
  leaseSeconds: 300,
  faults: [],
  auditEvents: 0,
};

/** Body of `POST /__mock/config`: every knob optional; `reset` regenerates the data. */
export const MockConfigRequest = z
  .object({
    seed: z.number().int().nonnegative().optional(),
    items: z.number().int().min(0).max(1_000_000).optional(),
    latency: z.number().int().min(0).max(60_000).optional(),
    leaseSeconds: z.number().int().min(5).max(86_400).optional(),
    faults: z.array(FaultSpec).optional(),
    auditEvents: z.number().int().min(0).max(2_000_000).optional(),
    reset: z.boolean().optional(),
  })
  .strict();
export type MockConfigRequest = z.infer<typeof MockConfigRequest>;

export interface MockState {
  items: FlaggedItem[];
  itemsById: Map<string, FlaggedItem>;
  decisions: Map<string, Decision[]>;
  audit: AuditLog;
  sessions: Sessions;
  users: ReadonlyMap<string, User>;
  demoUsers: readonly User[];
  queues: typeof queueDefinitions;
  /** Bumped on every change to an item, so derived selections know to recompute. */
  revision: number;
  /** Reveals of unblurred media, by id. */
  reveals: Map<string, Reveal>;
  /** Decisions by idempotency key: a decision sent twice is recorded once. */
  decisionsByKey: Map<string, Decision>;
  /** Idempotency keys of decisions undone: sending one again is refused. */
  undoneKeys: Set<string>;
  /** Pages of item lists, memoised per revision of these items. */
  listItems: ReturnType<typeof createItemLister>;
  /** Pages of the audit log, filtered; the filter's matches kept while the log does not grow. */
  queryAudit: ReturnType<typeof createAuditQuery>;
  /** The same-hash index over these items, built on first use (hashes never change). */
  clusters: () => ClusterIndex;
  /** CyberTipline report drafts by incident, gathered from the confirmed items on first use. */
  reports: ReportStore;
  /** NCMEC's CyberTipline API, mocked in-process: only the server's filing talks to it. */
  ncmec: MockNcmec;
  /** Supervisors' insights over a time range, computed from the records above. */
  insights: ReturnType<typeof createInsights>;
}

/**
 * The `auditEvents` knob: pads the log with synthetic item views (by the generated reviewers, one
 * second apart before `now`) until it holds `count` events, for scale tests and benchmarks.
 */
function padAuditLog(audit: AuditLog, items: readonly FlaggedItem[], count: number, now: Date) {
  const missing = count - audit.size;
  if (missing <= 0 || items.length === 0) return;
  for (let i = 0; i < missing; i++) {
    const item = items[i % items.length];
    const actor = otherUsers[i % otherUsers.length];
    if (!item || !actor) return;
    audit.append({
      at: new Date(now.getTime() - (missing - i) * 1000).toISOString(),
      actor: { id: actor.id, name: actor.name, role: actor.role },
      action: 'item.viewed',
      subject: { type: 'item', id: item.id },
      detail: { previewMode: item.preview.mode, padding: true },
    });
  }
}

function buildState(
  config: MockConfig,
  now: Date,
  clock: () => Date,
  faults: () => readonly string[],
): MockState {
  const data = generateData({
    seed: config.seed,
    items: config.items,
    now,
    leaseSeconds: config.leaseSeconds,
  });
  const audit = createAuditLog();
  let clusterIndex: ClusterIndex | undefined;
  for (const event of data.history) audit.append(event);
  padAuditLog(audit, data.items, config.auditEvents, now);
  const state: MockState = {
    items: data.items,
    itemsById: new Map(data.items.map((item) => [item.id, item])),
    decisions: data.decisions,
    audit,
    sessions: createSessions(),
    users: new Map([...demoUsers, ...otherUsers].map((u) => [u.id, u])),
    demoUsers,
    queues: queueDefinitions,
    revision: 0,
    decisionsByKey: new Map(),
    undoneKeys: new Set(),
    reveals: new Map(),
    listItems: createItemLister(),
    clusters: () => (clusterIndex ??= createClusterIndex(data.items)),
    queryAudit: createAuditQuery(audit),
    reports: createReportStore(() => state),
    ncmec: createMockNcmec({ now: clock, faults }),
    insights: createInsights(() => state),
  };
  return state;
}

export interface Backend {
  readonly config: Readonly<MockConfig>;
  readonly state: MockState;
  now(): Date;
  /**
   * Applies knobs. `reset` starts again from the start-up configuration (plus the knobs given),
   * regenerating the data and ending every session; a new seed or size also regenerates.
   */
  configure(request: MockConfigRequest): Readonly<MockConfig>;
}

export function createBackend(
  initial: Partial<MockConfig> = {},
  now: () => Date = () => new Date(),
): Backend {
  const startConfig: MockConfig = { ...defaultMockConfig, ...initial };
  let config = startConfig;
  const faults = () => config.faults;
  let state = buildState(config, now(), now, faults);
  return {
    get config() {
      return config;
    },
    get state() {
      return state;
    },
    now,
    configure({ reset, ...knobs }) {
      const base = reset === true ? startConfig : config;
      const next: MockConfig = {
        seed: knobs.seed ?? base.seed,
        items: knobs.items ?? base.items,
        latency: knobs.latency ?? base.latency,
        leaseSeconds: knobs.leaseSeconds ?? base.leaseSeconds,
        faults: knobs.faults ?? base.faults,
        auditEvents: knobs.auditEvents ?? base.auditEvents,
      };
      const regenerate =
        reset === true ||
        next.seed !== config.seed ||
        next.items !== config.items ||
        next.auditEvents > state.audit.size;
      // A rebuilt log is tampered with again while the fault is on.
      const tamper =
        next.faults.includes('tamper:audit') &&
        (regenerate || !config.faults.includes('tamper:audit'));
      config = next;
      if (regenerate) state = buildState(config, now(), now, faults);
      if (tamper) state.audit.tamper(Math.ceil(state.audit.size / 2));
      return config;
    },
  };
}
