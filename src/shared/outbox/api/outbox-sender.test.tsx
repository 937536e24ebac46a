// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { http } from 'msw';
import type { ReactNode } from 'react';
import { beforeEach, expect, test } from 'vitest';
import { endpoints } from '../../../api/endpoints';
import { DecisionRequest } from '../../../api/schemas/decision';
import { decisionMakers, freePendingItem } from '../../../test/backend-state';
import { mockServer, signInForTest, testBackend } from '../../../test/test-backend';
import { useOutbox } from '../model/outbox';
import { useOutboxSender } from './outbox-sender';

/**
 * The server records a decision, and its answer is lost half-way (the connection dropped, as when
 * a browser goes offline mid-response): the outcome is unknown, not refused.
 */
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
    {children}
  </QueryClientProvider>
);

beforeEach(() => {
  localStorage.clear();
  useOutbox.setState({ entries: [], waitingForOthers: 0 });
});

test('a decision recorded on the server whose answer was cut off is found recorded, never shown as not recorded', async () => {
  const { user } = await signInForTest('usr_ana');
  const item = await freePendingItem();
  const request = DecisionRequest.parse({
    verdict: { kind: 'escalate', reason: 'Needs a supervisor' },
    note: null,
    itemVersion: item.version,
    idempotencyKey: `cut-off-${item.id}`,
    madeBy: user.id,
  });
  mockServer.use(
    http.post(
      `*${endpoints.decideItem.path.replace('{itemId}', item.id)}`,
      async ({ request: sent }) => {
        const recorded = await (await testBackend()).app.fetch(sent);
        expect(recorded.status).toBe(200);
        return new Response('{"item":{"id":', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      },
    ),
  );
  useOutbox.getState().put({
    version: 2,
    key: request.idempotencyKey,
    userId: user.id,
    itemId: item.id,
    request,
    madeAt: Date.now(),
    state: 'sending',
    attempts: 0,
  });

  const seen = new Set<string>();
  const unsubscribe = useOutbox.subscribe((outbox) => {
    for (const entry of outbox.entries) seen.add(entry.state);
  });
  renderHook(() => useOutboxSender(user.id), { wrapper });
  await waitFor(() => expect(useOutbox.getState().entries).toEqual([]));
  unsubscribe();

  expect(seen.has('checking')).toBe(true);
  expect(seen.has('rejected')).toBe(false);
  expect(await decisionMakers(item.id)).toEqual(['usr_ana']);
  expect(localStorage.length).toBe(0);
});
