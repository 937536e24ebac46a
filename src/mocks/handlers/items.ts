import { endpoints } from '../../api/endpoints';
import type { Backend } from '../backend/backend';
import { changeHolder, correctDecision, undoDecision } from '../backend/decision-changes';
import { claimItem, releaseItem } from '../backend/claims';
import { decideItem } from '../backend/decisions';
import { clusterOf, decideCluster } from '../backend/clusters';
import { blurredPreviewPng, revealedOriginalPng } from '../../server/demo/media/synthetic-images';
import { endReveal, redeemReveal, startReveal } from '../backend/reveals';
import { isBlindFor, readingBarsFrom, verdictReaders } from '../backend/blind-review';
import { stageOf } from '../../domain/review-rules';
import { asHttp } from './item-errors';
import type { RefusedAttempt } from './refusals';
import { HttpError } from '../../server/http/responses';
import { route } from './route';

/** The item, or a 404. */
function itemOr404(backend: Backend, itemId: string) {
  const item = backend.state.itemsById.get(itemId);
  if (!item) throw new HttpError(404, 'not_found', `No item ${itemId}.`);
  return item;
}

const itemSubject = ({ itemId }: { itemId: string }) => ({ type: 'item' as const, id: itemId });

/**
 * A refused decision or correction: the review the item waited for (its status says as much) and
 * what the request named — never its verdict.
 */
function decisionRefused(
  backend: Backend,
  itemId: string,
  named: Record<string, string | number | null>,
): RefusedAttempt {
  const item = backend.state.itemsById.get(itemId);
  return {
    action: 'item.decision_refused',
    subject: itemSubject({ itemId }),
    detail: { stage: item ? stageOf(item.status) : null, ...named },
  };
}

export const itemHandlers = (backend: Backend) => [
  route(
    backend,
    endpoints.claimItem,
    ({ params, query, user }) => {
      const item = itemOr404(backend, params.itemId);
      const origin = { window: query.window ?? null, takeOver: query.takeOver === 'true' };
      const claimed = asHttp(() =>
        claimItem(backend.state, item, user, backend.now(), backend.config, origin),
      );
      return { body: { item: claimed } };
    },
    { refused: ({ params }) => ({ action: 'item.claim_refused', subject: itemSubject(params) }) },
  ),

  route(backend, endpoints.releaseItem, ({ params, query, user }) => {
    const item = itemOr404(backend, params.itemId);
    const released = releaseItem(backend.state, item, user, backend.now(), query.window ?? null);
    return { body: { item: released } };
  }),

  route(
    backend,
    endpoints.decideItem,
    ({ params, user, body }) => {
      const item = itemOr404(backend, params.itemId);
      return { body: asHttp(() => decideItem(backend.state, item, user, body, backend.now())) };
    },
    {
      refused: ({ params, body }) =>
        decisionRefused(backend, params.itemId, {
          itemVersion: body?.itemVersion ?? null,
          madeBy: body?.madeBy ?? null,
        }),
    },
  ),

  route(backend, endpoints.undoDecision, ({ params, user, body }) => {
    const item = itemOr404(backend, params.itemId);
    const { decision } = asHttp(() =>
      undoDecision(backend.state, item, body.idempotencyKey, user, backend.now()),
    );
    return { body: { item, undone: decision.id } };
  }),

  route(backend, endpoints.getCluster, ({ params }) => ({
    body: clusterOf(backend.state, itemOr404(backend, params.itemId)),
  })),

  route(backend, endpoints.decideCluster, ({ params, user, body }) => {
    const anchor = itemOr404(backend, params.itemId);
    return {
      body: { outcomes: decideCluster(backend.state, anchor, user, body, backend.now()) },
    };
  }),

  route(
    backend,
    endpoints.correctDecision,
    ({ params, user, body }) => {
      const item = itemOr404(backend, params.itemId);
      return {
        body: asHttp(() => correctDecision(backend.state, item, user, body, backend.now())),
      };
    },
    {
      refused: ({ params, body }) =>
        decisionRefused(backend, params.itemId, {
          correcting: body?.supersedes ?? null,
          itemVersion: body?.itemVersion ?? null,
        }),
    },
  ),

  route(backend, endpoints.changeHolder, ({ params, user, body }) => {
    const item = itemOr404(backend, params.itemId);
    const changed = asHttp(() =>
      changeHolder(backend.state, item, user, body.holderId, backend.now(), backend.config),
    );
    return { body: { item: changed } };
  }),

  route(backend, endpoints.listReviewers, () => ({
    body: {
      reviewers: [...backend.state.users.values()]
        .filter((u) => u.role !== 'auditor')
        .map(({ id, name, role }) => ({ id, name, role })),
    },
  })),

  route(backend, endpoints.recordItemView, ({ params, user }) => {
    const item = itemOr404(backend, params.itemId);
    // Showing an item to a person exposes its metadata: on the record.
    const at = backend.now().toISOString();
    backend.state.audit.append({
      at,
      actor: { id: user.id, name: user.name, role: user.role },
      action: 'item.viewed',
      subject: { type: 'item', id: item.id },
      detail: { previewMode: item.preview.mode },
    });
    return { body: { itemId: item.id, at } };
  }),

  route(backend, endpoints.getItem, ({ params, user }) => {
    const item = backend.state.itemsById.get(params.itemId);
    if (!item) throw new HttpError(404, 'not_found', `No item ${params.itemId}.`);
    const decisions = backend.state.decisions.get(item.id) ?? [];
    const blind = isBlindFor(backend.state, item, user);
    const barred =
      item.status === 'awaiting_second_review' &&
      verdictReaders(backend.state, item.id).includes(user.id);
    return {
      body: {
        item,
        decisions: blind ? [] : decisions,
        blindSecondReview: blind,
        secondReviewBarred: barred,
        readingTimelineBars: readingBarsFrom(backend.state, item, user),
      },
    };
  }),

  route(
    backend,
    endpoints.revealItem,
    ({ params, user }) => {
      const item = itemOr404(backend, params.itemId);
      const reveal = startReveal(backend.state, item, user, backend.now());
      if (!reveal) throw new HttpError(404, 'not_found', `${item.id} has no media to reveal.`);
      return {
        body: {
          revealId: reveal.id,
          url: `/api/media/reveal/${reveal.token}`,
          expiresAt: new Date(reveal.urlExpiresAt).toISOString(),
        },
      };
    },
    { refused: ({ params }) => ({ action: 'media.reveal_refused', subject: itemSubject(params) }) },
  ),

  route(backend, endpoints.endReveal, ({ params, user, body }) => {
    const ended = endReveal(
      backend.state,
      params.revealId,
      params.itemId,
      user,
      body.reason,
      backend.now(),
    );
    if (!ended) throw new HttpError(404, 'not_found', `No reveal ${params.revealId} of yours.`);
    return { body: ended };
  }),

  route(backend, endpoints.getRevealedMedia, ({ params, user }) => {
    const item = redeemReveal(backend.state, params.token, user, backend.now());
    if (!item) throw new HttpError(404, 'not_found', 'This reveal link was used or has expired.');
    return new Response(new Uint8Array(revealedOriginalPng(item.media.sha256)), {
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' },
    });
  }),

  route(backend, endpoints.getItemPreview, ({ params }) => {
    const item = backend.state.itemsById.get(params.itemId);
    if (!item) throw new HttpError(404, 'not_found', `No item ${params.itemId}.`);
    // Hash-only items have no media endpoint at all: nothing of them is ever served.
    if (item.preview.mode !== 'blurred')
      throw new HttpError(404, 'not_found', `No preview for ${item.id}.`);
    return new Response(new Uint8Array(blurredPreviewPng(item.media.sha256)), {
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' },
    });
  }),
];
