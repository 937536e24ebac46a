import { describe, expect, test } from 'vitest';
import { ErrorBody } from '../../api/schemas/common';
import { DecisionResult } from '../../api/schemas/decision';
import { serverPerFile } from '../testing/test-server-hooks';
import type { TestServer } from '../testing/test-server';
import {
  claim,
  decide,
  decisionsOf,
  dismiss,
  freePending,
  isNcmecMatch,
  itemNow,
} from './review-test-kit';

/** Four eyes on decisions against the server: a second review by someone else, and escalation. */

let server: TestServer;
serverPerFile((opened) => {
  server = opened;
});

describe('four eyes', () => {
  const confirmBody = (itemVersion: number, idempotencyKey: string) => ({
    verdict: { kind: 'confirm', classification: 'B1', annotations: [] },
    note: null,
    itemVersion,
    idempotencyKey,
  });
  const firstConfirmed = async () => {
    const ana = await server.signIn('usr_ana');
    const item = await freePending(server);
    await claim(ana, item.id);
    const sent = await decide(ana, item.id, confirmBody(item.version, `key-ana-${item.id}`));
    expect(sent.status).toBe(200);
    const now = await itemNow(server, item.id);
    expect(now.status).toBe('awaiting_second_review');
    return { item: now, ana };
  };

  test('the second reviewer holds the item without the first verdict, and agreeing confirms it', async () => {
    const { item } = await firstConfirmed();
    const ben = await server.signIn('usr_ben');
    const claimed = await claim(ben, item.id);
    expect(claimed.status).toBe(200);
    expect(JSON.stringify(await claimed.json())).not.toContain('"B1"');
    const agreed = DecisionResult.parse(
      await (await decide(ben, item.id, confirmBody(item.version, `key-ben-${item.id}`))).json(),
    );
    expect(agreed.decision.stage).toBe('second');
    expect(agreed.item.status).toBe('confirmed');
    expect((await decisionsOf(server, item.id)).map((d) => [d.stage, d.actor.id])).toEqual([
      ['first', 'usr_ana'],
      ['second', 'usr_ben'],
    ]);
  });

  test('the first reviewer can neither claim nor make the second review: 403', async () => {
    const { item, ana } = await firstConfirmed();
    expect((await claim(ana, item.id)).status).toBe(403);
    const own = await decide(ana, item.id, confirmBody(item.version, `key-ana2-${item.id}`));
    expect(own.status).toBe(403);
    expect(ErrorBody.parse(await own.json()).error.message).toMatch(/someone else/);
    expect((await itemNow(server, item.id)).status).toBe('awaiting_second_review');
  });

  test('a disagreement goes to the supervisors, who decide with a rationale, finally', async () => {
    const { item } = await firstConfirmed();
    const ben = await server.signIn('usr_ben');
    await claim(ben, item.id);
    await decide(ben, item.id, dismiss(item.version, `kb-${item.id}`));
    const escalated = await itemNow(server, item.id);
    expect(escalated.status).toBe('escalated');

    expect((await claim(ben, item.id)).status).toBe(403);
    const sasha = await server.signIn('usr_sasha');
    expect((await claim(sasha, item.id)).status).toBe(200);
    const bare = await decide(sasha, item.id, confirmBody(escalated.version, `ks0-${item.id}`));
    expect(bare.status).toBe(400);
    const final = DecisionResult.parse(
      await (
        await decide(sasha, item.id, {
          ...confirmBody(escalated.version, `ks1-${item.id}`),
          note: 'The body proportions and setting indicate a minor; B1 stands.',
        })
      ).json(),
    );
    expect(final.decision.stage).toBe('supervisor');
    expect(final.item.status).toBe('confirmed');
    expect((await claim(sasha, item.id)).status).toBe(409);
  });

  test('dismissing an NCMEC hash match needs a second review; other dismissals do not', async () => {
    const ana = await server.signIn('usr_ana');
    const ncmec = await freePending(server, isNcmecMatch);
    // Not drawn for the quality-control second review either (the draw is the server's).
    const other = await freePending(server, (i) => i.signals.every((s) => s.kind !== 'hash_match'));
    for (const item of [ncmec, other])
      await decide(ana, item.id, dismiss(item.version, `kd-${item.id}`));
    expect((await itemNow(server, ncmec.id)).status).toBe('awaiting_second_review');
    expect(['dismissed', 'awaiting_second_review']).toContain(
      (await itemNow(server, other.id)).status,
    );
  });
});
