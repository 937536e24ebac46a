// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { summarizeQueues } from '../../../mocks/backend/queue-summaries';
import { signInForTest, testBackend } from '../../../test/mock-server';
import { renderApp } from '../../../test/render-app';

test('the dashboard shows each queue’s pending and held counts from the backend', async () => {
  const { user } = signInForTest('usr_ana');
  // Ana holds exactly two items, both in the hash queue.
  const expiresAt = new Date(Date.now() + 300_000).toISOString();
  for (const item of testBackend.state.items) item.lease = null;
  for (const item of testBackend.state.items.filter((i) => i.queueId === 'q-hash').slice(0, 2)) {
    item.lease = { holderId: user.id, holderName: user.name, expiresAt, window: null };
  }
  renderApp('/');
  const table = await screen.findByRole('table', { name: /queues/i });
  const expected = summarizeQueues(testBackend.state, user.id, new Date());
  expect(expected.find((q) => q.id === 'q-hash')?.heldByMe).toBe(2);
  for (const queue of expected) {
    const row = within(table).getByRole('row', { name: new RegExp(queue.name) });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(new Intl.NumberFormat('en').format(queue.waiting));
    expect(cells[2]).toHaveTextContent(String(queue.heldByMe));
  }
});

test('auditors see the queues without the held-by-me column', async () => {
  signInForTest('usr_alex');
  renderApp('/');
  const table = await screen.findByRole('table', { name: /queues/i });
  expect(within(table).queryByRole('columnheader', { name: /held by me/i })).toBeNull();
  expect(within(table).getByRole('columnheader', { name: 'Pending' })).toBeInTheDocument();
});

test('a failing queue list shows what failed and recovers on retry', async () => {
  signInForTest('usr_ana');
  testBackend.configure({ faults: ['malformed:/api/queues'] });
  const { user } = renderApp('/');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Could not load the queues');
  expect(alert).toHaveTextContent('queues[0].id');
  testBackend.configure({ faults: [] });
  await user.click(within(alert).getByRole('button', { name: 'Retry' }));
  expect(await screen.findByRole('table', { name: /queues/i })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).toBeNull();
});

test('a breached SLA stands out', async () => {
  signInForTest('usr_ana');
  // Every waiting item of a queue flagged long ago: that queue is past its SLA.
  for (const item of testBackend.state.items) {
    if (item.queueId === 'q-text')
      item.flaggedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
  }
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
  signInForTest('usr_ana');
  testBackend.configure({ latency: 300 });
  renderApp('/');
  expect(await screen.findByRole('status')).toHaveTextContent('Loading queues…');
  expect(await screen.findByRole('table', { name: /queues/i })).toBeInTheDocument();
  expect(screen.queryByText('Loading queues…')).toBeNull();
});

test('with nothing flagged, every queue shows zero pending and nothing waiting', async () => {
  testBackend.configure({ items: 0 });
  signInForTest('usr_ana');
  renderApp('/');
  const table = await screen.findByRole('table', { name: /queues/i });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows).toHaveLength(testBackend.state.queues.length);
  for (const row of rows) {
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('0');
    expect(cells[1]).toHaveTextContent('—');
  }
});
