import { expect, test } from 'vitest';
import { WorkspaceSearch, selectionOf, shownStatus, statusInUrl } from './workspace-search';

const hashQueue = { id: 'q-hash', waiting: 'pending' } as const;
const escalations = { id: 'q-escalations', waiting: 'escalated' } as const;

test('a queue opened without a status shows what waits in it', () => {
  const search = WorkspaceSearch.parse({});
  expect(shownStatus(search, hashQueue)).toBe('pending');
  expect(selectionOf(search, hashQueue)).toEqual({ queueId: 'q-hash', status: 'pending' });
  expect(selectionOf(search, escalations)).toEqual({
    queueId: 'q-escalations',
    status: 'escalated',
  });
});

test('another status in a queue is a deliberate filter; `all` shows every status', () => {
  expect(selectionOf(WorkspaceSearch.parse({ status: 'confirmed' }), hashQueue)).toEqual({
    queueId: 'q-hash',
    status: 'confirmed',
  });
  expect(selectionOf(WorkspaceSearch.parse({ status: 'all' }), hashQueue)).toEqual({
    queueId: 'q-hash',
  });
});

test('all items show every status unless one is chosen', () => {
  expect(selectionOf(WorkspaceSearch.parse({}), undefined)).toEqual({});
  expect(selectionOf(WorkspaceSearch.parse({ status: 'all' }), undefined)).toEqual({});
  expect(selectionOf(WorkspaceSearch.parse({ status: 'escalated' }), undefined)).toEqual({
    status: 'escalated',
  });
});

test('the view’s default status is left out of the URL, so links stay short and canonical', () => {
  expect(statusInUrl('pending', hashQueue)).toBeUndefined();
  expect(statusInUrl('all', hashQueue)).toBe('all');
  expect(statusInUrl('all', undefined)).toBeUndefined();
  expect(statusInUrl('pending', undefined)).toBe('pending');
});

test('a status the URL cannot mean is dropped, not obeyed', () => {
  expect(WorkspaceSearch.parse({ status: 'everything' }).status).toBeUndefined();
});
