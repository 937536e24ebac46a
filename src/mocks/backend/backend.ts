import { randomBytes } from 'node:crypto';
import { z } from '../../lib/zod';
import type { Decision } from '../../api/schemas/decision';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import { generateData } from '../../server/demo/generator';
import { createAuditLog, type AuditLog } from './audit-log';
import { demoUsers, otherUsers, queueDefinitions } from '../../server/directory/directory';
import { FaultSpec } from '../../server/demo/faults';
import { createItemLister } from './item-list';
import type { Reveal } from './reveals';
import { sessionEnded } from '../../server/sessions/session-rules';
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
  /** The most items one reviewer may hold at once (set at start only). */
  maxHeld: number;
  faults: string[];
  /** At least this many audit events: the seeded history is padded with item views. */
  auditEvents: number;
  /** A session ends after this long without a request (start-up option only). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in however active (start-up option only). */
  sessionMaxHours: number;
}

export const defaultMockConfig: MockConfig = {
  seed: 1,
  items: 300,
  latency: 0,
  leaseSeconds: 300,
  maxHeld: 5,
  faults: [],
  auditEvents: 0,
  // NIST SP 800-63B's limits for AAL2: re-authenticate after 30 minutes idle and at least every
  // 12 hours, which an analyst's shift fits inside (docs/decisions/0007-session-lifetimes.md).
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
};

/**
 * What only `npm start` sets: how many items one reviewer may hold at once (`--max-held`) and the
 * session limits (`--session-idle-minutes`, `--session-max-hours`).
 */
export const StartOnlyOptions = z
  .object({
    maxHeld: z.number().int().min(1).max(1000).optional(),
    sessionIdleMinutes: z.number().int().min(1).max(1440).optional(),
    sessionMaxHours: z.number().int().min(1).max(168).optional(),
  })
  .strict();

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
  /** Reveals of unblurred media, by id: every person's exposure shift is computed from them. */
  reveals: Map<string, Reveal>;
  /** By user: the start (ms) of the shift whose break prompt they dismissed. */
  breakDismissals: Map<string, number>;
  /** Decisions by their maker's idempotency key (`userKey`): a decision sent twice is recorded once. */
  decisionsByKey: Map<string, Decision>;
  /** Their makers' idempotency keys (`userKey`) of decisions undone: sending one again is refused. */
  undoneKeys: Set<string>;
  /** How many decision ids each item has issued, undone ones included: an id is never reused. */
  decisionIdsIssued: Map<string, number>;
  /** By item: who read its first verdict while it awaited its blind second review (blind-review.ts). */
  verdictReaders: Map<string, Set<string>>;
  /** The key of the draw that sends a share of dismissals to second review (blind-review.ts). */
  reviewSecret: string;
  /** Pages of item lists, memoised per revision of these items. */
  listItems: ReturnType<typeof createItemLister>;
  /** Pages of the audit log, filtered; the filter's matches kept while the log does not grow. */
  queryAudit: ReturnType<typeof createAuditQuery>;
  /** The same-hash index over these items, built on first use (hashes never change). */
  clusters: () => ClusterIndex;
  /** CyberTipline reports; the seeded confirmed items' drafts gathered by incident at start. */
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

const byTime = (a: { at: string }, b: { at: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

function buildState(
  config: MockConfig,
  now: Date,
  clock: () => Date,
  faults: () => readonly string[],
  reviewSecret: string,
): MockState {
  const data = generateData({
    seed: config.seed,
    items: config.items,
    now,
    leaseSeconds: config.leaseSeconds,
  });
  const audit = createAuditLog();
  const sessions = createSessions({
    now: clock,
    limits: () => ({ idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours }),
    onEnded: (ending) => audit.append(sessionEnded(ending, clock())),
  });
  let clusterIndex: ClusterIndex | undefined;
  const state: MockState = {
    items: data.items,
    itemsById: new Map(data.items.map((item) => [item.id, item])),
    decisions: data.decisions,
    audit,
    sessions,
    users: new Map([...demoUsers, ...otherUsers].map((u) => [u.id, u])),
    demoUsers,
    queues: queueDefinitions,
    revision: 0,
    decisionsByKey: new Map(),
    undoneKeys: new Set(),
    decisionIdsIssued: new Map(),
    verdictReaders: new Map(),
    reviewSecret,
    reveals: new Map(),
    breakDismissals: new Map(),
    listItems: createItemLister(),
    clusters: () => (clusterIndex ??= createClusterIndex(data.items)),
    queryAudit: createAuditQuery(audit),
    reports: createReportStore(() => state, clock),
    ncmec: createMockNcmec({ now: clock, faults }),
    insights: createInsights(() => state),
  };
  // The seeded drafts were created as their items were confirmed: part of the seeded history,
  // before anyone signs in, so that reading reports never writes (a stable sort keeps each
  // after the decision that confirmed its last item).
  const history = [...data.history, ...state.reports.seed()].sort(byTime);
  for (const event of history) audit.append(event);
  padAuditLog(audit, data.items, config.auditEvents, now);
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
  /**
   * The key of the draw that sends a share of dismissals to second review: random per process,
   * so that no one can compute the draw (tests may fix it).
   */
  reviewSecret: string = randomBytes(32).toString('hex'),
): Backend {
  const startConfig: MockConfig = { ...defaultMockConfig, ...initial };
  let config = startConfig;
  const faults = () => config.faults;
  let state = buildState(config, now(), now, faults, reviewSecret);
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
        maxHeld: base.maxHeld,
        faults: knobs.faults ?? base.faults,
        auditEvents: knobs.auditEvents ?? base.auditEvents,
        sessionIdleMinutes: base.sessionIdleMinutes,
        sessionMaxHours: base.sessionMaxHours,
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
      if (regenerate) state = buildState(config, now(), now, faults, reviewSecret);
      if (tamper) state.audit.tamper(Math.ceil(state.audit.size / 2));
      return config;
    },
  };
}
