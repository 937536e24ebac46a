import { z } from '../lib/zod';
import { AuditFilterQuery, AuditPage, AuditQuery } from './schemas/audit';
import { FilterCatalog } from './schemas/catalog';
import { Cluster, ClusterDecisionRequest, ClusterDecisionResult } from './schemas/cluster';
import { MyEscalations } from './schemas/escalation';
import { Id } from './schemas/common';
import {
  ClaimResult,
  CorrectionRequest,
  DecisionRequest,
  DecisionResult,
  HolderChange,
  ItemDetail,
  NextItem,
  RevealEnd,
  RevealEnded,
  RevealGrant,
  UndoRequest,
  UndoResult,
  ViewRecorded,
} from './schemas/decision';
import { AllItemsQuery, ItemListQuery, ItemPage, WindowId } from './schemas/item';
import { QueueList } from './schemas/queue';
import { SessionState, SignInRequest } from './schemas/session';
import { ReviewerList, Role } from './schemas/user';
import { settingsEndpoints } from './settings-endpoints';
import { urlCopyEndpoints } from './url-copy-endpoints';

/**
 * The contract's operations. The typed client, the mock backend's request validation and the
 * OpenAPI document all read this one list. Operations only lazily loaded screens call live beside
 * it (`report-endpoints.ts`, `insights-endpoints.ts`), so the first screen's JavaScript does not
 * carry them; `all-endpoints.ts` puts the whole contract together.
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 503;

export interface Endpoint {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI-style path: `/api/items/{itemId}`. */
  path: string;
  summary: string;
  description?: string;
  tag: 'session' | 'queues' | 'items' | 'audit' | 'reports' | 'insights' | 'settings';
  /** Roles allowed to call; `public` needs no session. */
  access: 'public' | readonly Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** JSON response schema, or the media type of a binary response. */
  response:
    | z.ZodType
    | { mediaType: 'image/png' | 'text/csv' | 'application/x-ndjson' | 'application/xml' };
  errors: readonly ErrorStatus[];
}

const anyRole = Role.options;
/** The roles that work queues and may see (blurred) media; auditors never do (docs/roles.md). */
export const reviewerRoles = ['analyst', 'supervisor'] as const satisfies readonly Role[];

export const ItemIdParams = z.object({ itemId: Id });
export const QueueIdParams = z.object({ queueId: Id });
/** The window a claim comes from (leases are a person's, held in one of their windows). */
const windowField = WindowId.optional().meta({
  description: 'The caller’s window. Without it the lease is taken for no window in particular.',
});
export const ClaimQuery = z
  .object({
    window: windowField,
    takeOver: z.enum(['true', 'false']).optional().meta({
      description:
        '`true`: move the caller’s own lease from another of their windows to this one (a renewal). Without it, such a claim is refused (409 `held_elsewhere`).',
    }),
  })
  .meta({ id: 'ClaimQuery' });
export const WindowQuery = z.object({ window: windowField }).meta({ id: 'WindowQuery' });

export const endpoints = {
  listAudit: {
    operationId: 'listAudit',
    method: 'get',
    path: '/api/audit',
    summary: 'The audit log, filtered and paged by position',
    description:
      'Events in `seq` order, filtered by actor, role, action, subject and time range; any page by `offset`. Unfiltered, position `offset` holds `seq` `offset + 1`, which is how a verifier reads a contiguous range. `seqRange` covers the filter; `head` is the chain’s head. The canonical form and hash are described on `AuditEvent`.',
    tag: 'audit',
    access: ['auditor', 'supervisor'],
    query: AuditQuery,
    response: AuditPage,
    errors: [400, 401, 403],
  },
  exportAuditCsv: {
    operationId: 'exportAuditCsv',
    method: 'get',
    path: '/api/audit/export.csv',
    summary: 'Export the filtered audit log as CSV',
    description:
      'Streamed. Columns: seq, at, actor_id, actor_name, actor_role, action, subject_type, subject_id, detail (canonical JSON), prev_hash, hash, canonical (the exact text `hash` is the SHA-256 of). RFC 4180 quoting; a cell starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with an apostrophe so no spreadsheet runs it as a formula. Audited as `audit.exported`.',
    tag: 'audit',
    access: ['auditor', 'supervisor'],
    query: AuditFilterQuery,
    response: { mediaType: 'text/csv' },
    errors: [400, 401, 403],
  },
  exportAuditJsonl: {
    operationId: 'exportAuditJsonl',
    method: 'get',
    path: '/api/audit/export.jsonl',
    summary: 'Export the filtered audit log as JSON Lines',
    description:
      'Streamed: one `AuditEvent` per line, with its hashes, verifiable offline. Audited as `audit.exported`.',
    tag: 'audit',
    access: ['auditor', 'supervisor'],
    query: AuditFilterQuery,
    response: { mediaType: 'application/x-ndjson' },
    errors: [400, 401, 403],
  },
  getSession: {
    operationId: 'getSession',
    method: 'get',
    path: '/api/session',
    summary: 'Who is signed in',
    description:
      'Answers 200 with `user: null` when there is no session, so a page can ask freely; `ended` says why when the cookie names a session that expired or was signed out everywhere. A signed-in call counts as use of the session, as every call does.',
    tag: 'session',
    access: 'public',
    response: SessionState,
    errors: [],
  },
  signIn: {
    operationId: 'signIn',
    method: 'post',
    path: '/api/session',
    summary: 'Sign in as a demo user',
    description:
      'Demo deployments only: starts a session for one of `demoUsers` and sets the `verity_session` cookie (HttpOnly, SameSite=Strict; Secure when the request came over HTTPS, directly or as a proxy says in `X-Forwarded-Proto` or `Forwarded`). The session ends after its idle timeout without a call, and at the end of its absolute lifetime however active; the next call then answers 401 `session_expired`.',
    tag: 'session',
    access: 'public',
    body: SignInRequest,
    response: SessionState,
    errors: [400, 403, 404],
  },
  signOut: {
    operationId: 'signOut',
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out',
    description: 'Ends the session and clears its cookie.',
    tag: 'session',
    access: anyRole,
    response: SessionState,
    errors: [401, 403],
  },
  signOutEverywhere: {
    operationId: 'signOutEverywhere',
    method: 'delete',
    path: '/api/sessions',
    summary: 'Sign out everywhere',
    description:
      'Ends every session of the caller, in every browser, and clears this browser’s cookie. Each ended session is audited (`session.ended`, reason `signed_out_everywhere`); the other browsers’ next requests answer 401 `session_ended`.',
    tag: 'session',
    access: anyRole,
    response: SessionState,
    errors: [401, 403],
  },
  listQueues: {
    operationId: 'listQueues',
    method: 'get',
    path: '/api/queues',
    summary: 'Queues with their counts',
    tag: 'queues',
    access: anyRole,
    response: QueueList,
    errors: [401],
  },
  startReviewing: {
    operationId: 'startReviewing',
    method: 'post',
    path: '/api/queues/{queueId}/next',
    summary: 'Claim the next item the caller may review in the queue',
    description:
      'Of the items waiting in the queue that no one else holds and the caller may review (never their own second review; escalations only for supervisors): the highest priority, then the earliest SLA due. Claims it for the caller (in `window`, when given), atomically, so two reviewers starting at once never get the same item.',
    tag: 'queues',
    access: reviewerRoles,
    params: QueueIdParams,
    query: WindowQuery,
    response: NextItem,
    errors: [401, 403, 404],
  },
  listMyEscalations: {
    operationId: 'listMyEscalations',
    method: 'get',
    path: '/api/escalations/mine',
    summary: 'What the caller sent to the supervisors, and the outcome',
    description:
      'Items the caller escalated, and items whose second review by the caller disagreed with the first: newest first, at most 50, each with the supervisor’s final decision once made.',
    tag: 'queues',
    access: reviewerRoles,
    response: MyEscalations,
    errors: [401, 403],
  },
  listQueueItems: {
    operationId: 'listQueueItems',
    method: 'get',
    path: '/api/queues/{queueId}/items',
    summary: 'Items of a queue, filtered and sorted',
    description:
      'Pages by position (`offset`, any page directly) or by cursor (`nextCursor` back as `cursor`).',
    tag: 'queues',
    access: anyRole,
    params: QueueIdParams,
    query: ItemListQuery,
    response: ItemPage,
    errors: [400, 401, 404],
  },
  getFilterCatalog: {
    operationId: 'getFilterCatalog',
    method: 'get',
    path: '/api/filters',
    summary: 'The suppliers and rules the item filters offer',
    tag: 'items',
    access: anyRole,
    response: FilterCatalog,
    errors: [401],
  },
  listItems: {
    operationId: 'listItems',
    method: 'get',
    path: '/api/items',
    summary: 'Items across every queue, filtered, sorted and searched',
    description:
      'The same filters and paging as a queue’s items, plus `q`: an item id or any of its hashes.',
    tag: 'items',
    access: anyRole,
    query: AllItemsQuery,
    response: ItemPage,
    errors: [400, 401],
  },
  getItem: {
    operationId: 'getItem',
    method: 'get',
    path: '/api/items/{itemId}',
    summary: 'One flagged item with its decisions',
    description:
      'Reading has no side effect, so the console may prefetch; showing the item to a person is recorded with `recordItemView`. While the item awaits a second review, its decisions are left out for everyone but the first reviewer and auditors (`blindSecondReview`).',
    tag: 'items',
    access: anyRole,
    params: ItemIdParams,
    response: ItemDetail,
    errors: [401, 404],
  },
  recordItemView: {
    operationId: 'recordItemView',
    method: 'post',
    path: '/api/items/{itemId}/views',
    summary: 'Record that the item was shown to the caller',
    description: 'Appends an `item.viewed` audit event: who saw which item’s metadata, when.',
    tag: 'items',
    access: anyRole,
    params: ItemIdParams,
    response: ViewRecorded,
    errors: [401, 403, 404],
  },
  claimItem: {
    operationId: 'claimItem',
    method: 'post',
    path: '/api/items/{itemId}/claim',
    summary: 'Claim an item for decision, or renew the claim',
    description:
      'Takes (or extends) a lease of `leaseSeconds` on the item for the caller, held in the caller’s `window`. 409 while someone else holds a live lease or when the item is decided; 409 `held_elsewhere` while the caller holds it in another of their windows, unless `takeOver=true` moves it here; 403 when the caller may not make the review it waits for (its own second review; an escalation, unless a supervisor).',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    query: ClaimQuery,
    response: ClaimResult,
    errors: [401, 403, 404, 409],
  },
  releaseItem: {
    operationId: 'releaseItem',
    method: 'delete',
    path: '/api/items/{itemId}/claim',
    summary: 'Release the caller’s claim on an item',
    description:
      'Gives up the caller’s lease, unless it is held in another of their windows than `window` (then it stays there).',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    query: WindowQuery,
    response: ClaimResult,
    errors: [401, 403, 404],
  },
  decideItem: {
    operationId: 'decideItem',
    method: 'post',
    path: '/api/items/{itemId}/decisions',
    summary: 'Record a decision on an item',
    description:
      'Decides the review the item waits for. First review of a pending item: confirm (→ awaiting_second_review), dismiss (→ dismissed, or awaiting_second_review for a match against the NCMEC list) or escalate (→ escalated). Second review, blind and by someone other than the first reviewer: agreeing makes it confirmed or dismissed, disagreeing or escalating sends it to the supervisors (→ escalated). Supervisor decision on an escalated item: confirm or dismiss with a rationale in `note`, final. 409 when the version differs, the item was decided, or someone else holds it; 403 when the caller may not make this review, and `maker_mismatch` when `madeBy` is not the signed-in user; 400 for a missing note or rationale. Idempotent per the caller’s `idempotencyKey`.',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    body: DecisionRequest,
    response: DecisionResult,
    errors: [400, 401, 403, 404, 409],
  },
  undoDecision: {
    operationId: 'undoDecision',
    method: 'post',
    path: '/api/items/{itemId}/decisions/undo',
    summary: 'Take back one’s own decision, moments after making it',
    description:
      'The caller’s decision sent with `idempotencyKey` may be taken back by its author within a few seconds (`UNDO_ACCEPT_SECONDS` in `src/domain/review-rules.ts`), while it is still the item’s latest: it is removed from the item’s decisions, the item returns to the review it waited for, `item.decision_undone` is audited, and the key is refused (409) if sent again. 409 once the window has passed or anything happened since; 403 for a second review or a correction (a supervisor corrects those); 404 when no decision of the caller’s arrived with that key (keys are per user: another user’s key finds nothing).',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    body: UndoRequest,
    response: UndoResult,
    errors: [401, 403, 404, 409],
  },
  getCluster: {
    operationId: 'getCluster',
    method: 'get',
    path: '/api/items/{itemId}/cluster',
    summary: 'The other items in the item’s cluster, with their provenance',
    description:
      'Items sharing the item’s SHA-256, or whose PDQ lies within `maxPdqDistance` bits of its own, across suppliers and datasets: a neighbourhood found through an index, not a transitive chain.',
    tag: 'items',
    access: anyRole,
    params: ItemIdParams,
    response: Cluster,
    errors: [401, 404],
  },
  decideCluster: {
    operationId: 'decideCluster',
    method: 'post',
    path: '/api/items/{itemId}/cluster-decisions',
    summary: 'Apply one verdict to the item and its cluster',
    description:
      'Each listed item gets its own decision, version check and idempotency key (`{idempotencyKey}:{itemId}`), by the same rules as `decideItem`; items decided meanwhile, changed, or held by someone else are skipped and reported, never overwritten.',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    body: ClusterDecisionRequest,
    response: ClusterDecisionResult,
    errors: [400, 401, 403, 404],
  },
  correctDecision: {
    operationId: 'correctDecision',
    method: 'post',
    path: '/api/items/{itemId}/corrections',
    summary: 'Correct a decision (supervisors)',
    description:
      'A new, final supervisor decision with a written rationale that supersedes `supersedes`, which stays in the history; audited as `item.decision_corrected`. 409 when the version differs or the decision was already corrected. Idempotent per `idempotencyKey`.',
    tag: 'items',
    access: ['supervisor'],
    params: ItemIdParams,
    body: CorrectionRequest,
    response: DecisionResult,
    errors: [400, 401, 403, 404, 409],
  },
  changeHolder: {
    operationId: 'changeHolder',
    method: 'post',
    path: '/api/items/{itemId}/holder',
    summary: 'Release or reassign an item someone holds (supervisors)',
    description:
      '`holderId: null` releases the item; a reviewer’s id hands it to them with a fresh lease. Audited as `item.released` or `item.reassigned`, naming the previous holder.',
    tag: 'items',
    access: ['supervisor'],
    params: ItemIdParams,
    body: HolderChange,
    response: ClaimResult,
    errors: [400, 401, 403, 404, 409],
  },
  listReviewers: {
    operationId: 'listReviewers',
    method: 'get',
    path: '/api/reviewers',
    summary: 'The analysts and supervisors (supervisors)',
    tag: 'items',
    access: ['supervisor'],
    response: ReviewerList,
    errors: [401, 403],
  },
  revealItem: {
    operationId: 'revealItem',
    method: 'post',
    path: '/api/items/{itemId}/reveal',
    summary: 'Reveal an item’s unblurred media (audited)',
    description:
      'A deliberate act, recorded as `media.revealed`. Returns a same-origin URL that works once, for 30 seconds. Blurred items only: hash-only items have no media (404).',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    response: RevealGrant,
    errors: [401, 403, 404],
  },
  endReveal: {
    operationId: 'endReveal',
    method: 'post',
    path: '/api/items/{itemId}/reveal/{revealId}/end',
    summary: 'Report that revealed media was blurred again',
    description:
      'Records `media.reblurred` with the reveal’s duration. The next reveal is a new one.',
    tag: 'items',
    access: reviewerRoles,
    params: z.object({ itemId: Id, revealId: Id }),
    body: RevealEnd,
    response: RevealEnded,
    errors: [400, 401, 403, 404],
  },
  getRevealedMedia: {
    operationId: 'getRevealedMedia',
    method: 'get',
    path: '/api/media/reveal/{token}',
    summary: 'The unblurred media of one reveal',
    description:
      'Single-use and short-lived: a second request, or one after `expiresAt`, is a 404. `Cache-Control: no-store`. Serving it is recorded as `media.served`: only that makes a report’s `fileViewedByEsp` true.',
    tag: 'items',
    access: reviewerRoles,
    params: z.object({ token: z.string().regex(/^[\w-]+$/) }),
    response: { mediaType: 'image/png' },
    errors: [401, 403, 404],
  },
  getItemPreview: {
    operationId: 'getItemPreview',
    method: 'get',
    path: '/api/items/{itemId}/preview',
    summary: 'The server-blurred derivative of an item',
    description:
      'Blurred items only: hash-only items have no preview (404). Served with `Cache-Control: no-store`. Auditors never receive media (403).',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    response: { mediaType: 'image/png' },
    errors: [401, 403, 404],
  },
  ...settingsEndpoints,
  ...urlCopyEndpoints,
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;

export const isStateChanging = (method: HttpMethod) => method !== 'get';
