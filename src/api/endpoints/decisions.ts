import {
  CorrectionRequest,
  DecisionRequest,
  DecisionResult,
  UndoRequest,
  UndoResult,
} from '../schemas/decision';
import { type Endpoint, reviewerRoles } from './endpoint';
import { ItemIdParams } from './items';

/**
 * Decisions on an item: made, taken back, corrected. What each one makes stale is read again by
 * `invalidateReviewData` in `decisions.queries.ts`.
 */
export const decisionEndpoints = {
  decideItem: {
    operationId: 'decideItem',
    method: 'post',
    path: '/api/items/{itemId}/decisions',
    summary: 'Record a decision on an item',
    description:
      'Decides the review the item waits for. First review of a pending item: confirm (→ awaiting_second_review), dismiss (→ dismissed, or awaiting_second_review for a match against the NCMEC list) or escalate (→ escalated). Second review, blind and by someone other than the first reviewer: agreeing makes it confirmed or dismissed, disagreeing or escalating sends it to the supervisors (→ escalated). Supervisor decision on an escalated item: confirm or dismiss with a rationale in `note`, final. 409 when the version differs, the item was decided, or someone else holds it; 403 when the caller may not make this review, and `maker_mismatch` when `madeBy` is not the signed-in user; 400 for a missing note or rationale. Idempotent per the caller’s `idempotencyKey`: the same request sent again answers the decision recorded (audited as `item.decision_replayed`); another verdict, note or version under that key is a 409 `key_reused`.',
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
      'The caller’s decision sent with `idempotencyKey` may be taken back by its author within a few seconds (`UNDO_ACCEPT_SECONDS` in `src/domain/review-rules.ts`), while it is still the item’s latest: it is removed from the item’s decisions, the item returns to the review it waited for, `item.decision_undone` is audited, and the key is refused (409) if sent again. 409 once the window has passed or anything happened since (`too_late`), or while another reviewer holds the item for its next review (`held`); 403 for a second review or a correction (a supervisor corrects those); 404 when no decision of the caller’s arrived with that key (keys are per user: another user’s key finds nothing).',
    tag: 'items',
    access: reviewerRoles,
    params: ItemIdParams,
    body: UndoRequest,
    response: UndoResult,
    errors: [401, 403, 404, 409],
  },
  correctDecision: {
    operationId: 'correctDecision',
    method: 'post',
    path: '/api/items/{itemId}/corrections',
    summary: 'Correct a decision (supervisors)',
    description:
      'A new, final supervisor decision with a written rationale that supersedes `supersedes`, which stays in the history; audited as `item.decision_corrected`. The item’s reports not yet on their way to NCMEC follow it: corrected away from confirmed, it leaves them; confirmed again, what the correction changed of the confirmation before it (classification, annotations) goes into its file. Either way a report in review or approved goes back to draft. 409 when the version differs, the decision was already corrected, or another reviewer holds the item (`held`). Idempotent per `idempotencyKey`, as a decision is.',
    tag: 'items',
    access: ['supervisor'],
    params: ItemIdParams,
    body: CorrectionRequest,
    response: DecisionResult,
    errors: [400, 401, 403, 404, 409],
  },
} as const satisfies Record<string, Endpoint>;
