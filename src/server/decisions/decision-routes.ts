import type { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { endpoints } from '../../api/endpoints';
import { stageOf } from '../../domain/review-rules';
import type { Database } from '../db/tables';
import { mountEndpoint } from '../http/mount-endpoint';
import { appendAuditEvents } from '../audit/audit-chain';
import { actorOf } from '../claims/item-state';
import { httpErrorOf } from '../http/refusal-status';
import { isRefusalStatus, refusalDetail, type RefusedAttempt } from '../http/refused-attempts';
import type { ServerContext } from '../server-context';
import { decideCluster } from './cluster-decisions';
import { clusterOf } from './clusters';
import { decideItem } from './decide';
import { correctDecision, undoDecision } from './decision-changes';

/**
 * A refused decision or correction: the review the item waited for (its status says as much) and
 * what the request named — never its verdict.
 */
async function decisionRefused(
  trx: Transaction<Database>,
  itemId: string,
  named: Record<string, string | number | null>,
): Promise<RefusedAttempt> {
  const item = await trx
    .selectFrom('items')
    .select('status')
    .where('id', '=', itemId)
    .executeTakeFirst();
  return {
    action: 'item.decision_refused',
    subject: { type: 'item', id: itemId },
    detail: { stage: item ? stageOf(item.status) : null, ...named },
  };
}

/** Decisions: made, sent again, taken back, corrected, applied to a cluster. */
export function mountDecisionRoutes(app: Hono, server: ServerContext) {
  mountEndpoint(
    app,
    server,
    endpoints.decideItem,
    async ({ trx, params, body, user }) => ({
      body: await decideItem(
        trx,
        params.itemId,
        user,
        body,
        server.now(),
        server.review.reviewSecret,
      ),
    }),
    {
      refused: ({ trx, params, body }) =>
        decisionRefused(trx, params.itemId, {
          itemVersion: body?.itemVersion ?? null,
          madeBy: body?.madeBy ?? null,
        }),
    },
  );

  mountEndpoint(app, server, endpoints.undoDecision, async ({ trx, params, body, user }) => {
    const { item, decision } = await undoDecision(
      trx,
      params.itemId,
      body.idempotencyKey,
      user,
      server.now(),
    );
    return { body: { item, undone: decision.id } };
  });

  mountEndpoint(
    app,
    server,
    endpoints.correctDecision,
    async ({ trx, params, body, user }) => ({
      body: await correctDecision(trx, params.itemId, user, body, server.now()),
    }),
    {
      refused: ({ trx, params, body }) =>
        decisionRefused(trx, params.itemId, {
          correcting: body?.supersedes ?? null,
          itemVersion: body?.itemVersion ?? null,
        }),
    },
  );

  mountEndpoint(app, server, endpoints.getCluster, async ({ trx, params }) => ({
    body: await clusterOf(trx, params.itemId),
  }));

  mountEndpoint(
    app,
    server,
    endpoints.decideCluster,
    async ({ trx, params, body, user }) => {
      const now = server.now();
      const { outcomes, refusals } = await decideCluster(
        trx,
        params.itemId,
        user,
        body,
        now,
        server.review.reviewSecret,
      );
      // Each member the rules refused is on the record, as its own refused decision would be.
      await appendAuditEvents(
        trx,
        refusals.flatMap(({ itemId, itemVersion, stage, refusal }) => {
          const answer = httpErrorOf(refusal);
          if (!isRefusalStatus(answer.status)) return [];
          return [
            {
              at: now.toISOString(),
              actor: actorOf(user),
              action: 'item.decision_refused' as const,
              subject: { type: 'item' as const, id: itemId },
              detail: { stage, itemVersion, clusterOf: params.itemId, ...refusalDetail(answer) },
            },
          ];
        }),
      );
      return { body: { outcomes } };
    },
    {
      refused: ({ trx, params, body }) =>
        decisionRefused(trx, params.itemId, {
          itemVersion: body?.items.find((i) => i.itemId === params.itemId)?.itemVersion ?? null,
          clusterOf: params.itemId,
        }),
    },
  );
}
