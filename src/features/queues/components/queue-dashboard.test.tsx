// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { endpoints } from '../../../api/endpoints';
import { queueDefinitions } from '../../../server/directory/directory';
import { configureBackend, signInForTest, testBackend } from '../../../test/test-backend';
import { renderApp } from '../../../test/render-app';

test('the dashboard shows each queue’s pending and held counts from the backend', async () => {
  const ana = await signInForTest('usr_ana');
  // Ana holds exactly two items, both in the hash queue.
  const { db } = (await testBackend()).database;
  await db.deleteFrom('claims').execute();
  const hashItems = await db
    .selectFrom('items')
    .where('queue_id', '=', 'q-hash')
    .where('status', '=', 'pending')
    .select('id')
    .orderBy('id')
    .limit(2)
    .execute();
  const now = new Date();
  await db
    .insertInto('claims')
    .values(
      hashItems.map(({ id }) => ({
        item_id: id,
        holder_id: ana.user.id,
        window_id: null,
        claimed_at: now,
        expires_at: new Date(now.getTime() + 300_000),
      })),
    )
    .execute();
  renderApp('/');
  const table = await screen.findByRole('table', { name: /queues/i });
  const { queues: expected } = endpoints.listQueues.response.parse(
    await (await ana.get('/api/queues')).json(),
  );
  expect(expected.find((q) => q.id === 'q-hash')?.heldByMe).toBe(2);
  for (const queue of expected) {
    const row = within(table).getByRole('row', { name: new RegExp(queue.name) });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(new Intl.NumberFormat('en').format(queue.waiting));
    expect(cells[2]).toHaveTextContent(String(queue.heldByMe));
  }
});

test('auditors see the queues without the held-by-me column', async () => {
  await signInForTest('usr_alex');
  renderApp('/');
  const table = await screen.findByRole('table', { name: /queues/i });
  expect(within(table).queryByRole('columnheader', { name: /held by me/i })).toBeNull();
  expect(within(table).getByRole('columnheader', { name: 'Pending' })).toBeInTheDocument();
});

test('a failing queue list shows what failed and recovers on retry', async () => {
  await signInForTest('usr_ana');
  await configureBackend({ faults: ['malformed:/api/queues'] });
  const { user } = renderApp('/');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Could not load the queues');
  expect(alert).toHaveTextContent('queues[0].id');
  await configureBackend({ faults: [] });
  await user.click(within(alert).getByRole('button', { name: 'Retry' }));
  expect(await screen.findByRole('table', { name: /queues/i })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).toBeNull();
});

test('a breached SLA stands out', async () => {
  await signInForTest('usr_ana');
  // Every waiting item of a queue flagged long ago: that queue is past its SLA.
  const { db } = (await testBackend()).database;
  await db
    .updateTable('items')
    .set({ flagged_at: new Date(Date.now() - 3 * 86_400_000) })
    .where('queue_id', '=', 'q-text')
    .execute();
  renderApp('/');
  const row = await screen.findByRole('row', { name: /Text rules/ });
  expect(within(row).getByText('SLA breached')).toBeInTheDocument();
});

test('without a session the dashboard sends the user to sign in', async () => {
  renderApp('/');
  expect(await screen.findByRole('heading', { name: 'Sign in to Verity' })).toBeInTheDocument();
  await waitFor(() => expect(screen.getAllByRole('button', { name: /analyst/ })).toHaveLength(2));
});

test('while the queues load, the page says so', async () => {
  await signInForTest('usr_ana');
  await configureBackend({ latency: 300 });
  renderApp('/');
  expect(await screen.findByRole('status')).toHaveTextContent('Loading queues…');
  expect(await screen.findByRole('table', { name: /queues/i })).toBeInTheDocument();
  expect(screen.queryByText('Loading queues…')).toBeNull();
});

test('with nothing flagged, every queue shows zero pending and nothing waiting', async () => {
  await configureBackend({ items: 0 });
  await signInForTest('usr_ana');
  renderApp('/');
  const table = await screen.findByRole('table', { name: /queues/i });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows).toHaveLength(queueDefinitions.length);
  for (const row of rows) {
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('0');
    expect(cells[1]).toHaveTextContent('—');
  }
});
