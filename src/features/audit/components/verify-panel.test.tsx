// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { GENESIS_HASH } from '../../../api/audit-canonical';
import { endpoints } from '../../../api/endpoints';
import { auditHead, auditRange, chainEvents } from '../../../server/audit/audit-chain';
import { installInProcessWorkers } from '../../../test/in-process-worker';
import { renderComponent } from '../../../test/render-component';
import { configureBackend, signInForTest, testBackend } from '../../../test/test-backend';
import { VerifyPanel } from './verify-panel';

// Verification runs in a Web Worker, which jsdom lacks: the worker's own script runs in process.
let uninstall = () => {};
beforeAll(() => {
  uninstall = installInProcessWorkers();
});
afterAll(() => uninstall());
afterEach(() => localStorage.clear());

/** The verify panel as the audit page shows it to the auditor: at the chain's current head. */
async function openVerifyPanel() {
  const alex = await signInForTest('usr_alex');
  const { head } = endpoints.listAudit.response.parse(
    await (await alex.get('/api/audit?limit=1')).json(),
  );
  const { user } = renderComponent(
    <VerifyPanel head={head} filterRange={null} userId="usr_alex" />,
  );
  const panel = await screen.findByRole('region', { name: 'Chain verification' });
  return { user, head, panel };
}

/**
 * Someone with write access to the database rewrites the log from `seq` on, and covers it: every
 * hash from there is computed again, so the chain is consistent with itself.
 */
async function rewriteLogFrom(seq: number) {
  const { db } = (await testBackend()).database;
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('audit_head').select('seq').forUpdate().execute();
    const head = await auditHead(trx);
    const [before] = seq > 1 ? await auditRange(trx, seq - 1, 1) : [];
    const events = await auditRange(trx, seq, head.seq - seq + 1);
    const rewritten = chainEvents(
      { seq: seq - 1, hash: before?.hash ?? GENESIS_HASH },
      events.map(({ seq: _seq, prevHash: _prev, hash: _hash, ...event }, index) =>
        index === 0 ? { ...event, detail: { ...event.detail, rewritten: true } } : event,
      ),
    );
    for (const event of rewritten) {
      await trx
        .updateTable('audit_events')
        .set({ detail: JSON.stringify(event.detail), prev_hash: event.prevHash, hash: event.hash })
        .where('seq', '=', event.seq)
        .execute();
    }
    const last = rewritten.at(-1);
    if (last) await trx.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).execute();
  });
}

test('verifying the chain says how many events were checked and that the chain holds', async () => {
  const { user, head, panel } = await openVerifyPanel();
  expect(within(panel).getByText(`Head: event ${head.seq}, hash`, { exact: false })).toBeVisible();
  await user.click(within(panel).getByRole('button', { name: `Verify events 1–${head.seq}` }));
  const status = within(panel).getByRole('status');
  await waitFor(() =>
    expect(status).toHaveTextContent(
      new RegExp(`^Verified ${head.seq} events: the chain holds \\(`),
    ),
  );
  expect(within(panel).queryByRole('alert')).toBeNull();
});

test('a head recorded here is checked later: extended by new events it holds; after the log is rewritten it says so', async () => {
  const first = await openVerifyPanel();
  await first.user.click(within(first.panel).getByRole('button', { name: 'Record this head' }));
  const check = { name: /^Check the log still extends the head recorded / };
  expect(within(first.panel).getByRole('button', check)).toBeEnabled();
  cleanup();

  // More happens; the log grows past the recorded head.
  await signInForTest('usr_ana');
  const later = await openVerifyPanel();
  expect(later.head.seq).toBeGreaterThan(first.head.seq);
  await later.user.click(within(later.panel).getByRole('button', check));
  expect(await within(later.panel).findByText(/and extends the recorded head/)).toBeVisible();
  cleanup();

  await rewriteLogFrom(first.head.seq);
  const rewritten = await openVerifyPanel();
  await rewritten.user.click(within(rewritten.panel).getByRole('button', check));
  expect(await within(rewritten.panel).findByRole('alert')).toHaveTextContent(
    `The log no longer extends the recorded head (event ${first.head.seq}): it was rewritten.`,
  );
  expect(within(rewritten.panel).getByRole('status')).not.toHaveTextContent(/the chain holds/);
});

test('an event changed behind the chain’s back: verification names it and links to it in the log', async () => {
  // The fault edits the middle event of the log as it stands.
  const broken = Math.ceil((await auditHead((await testBackend()).database.db)).seq / 2);
  await configureBackend({ faults: ['tamper:audit'] });
  const { user, head, panel } = await openVerifyPanel();
  await user.click(within(panel).getByRole('button', { name: `Verify events 1–${head.seq}` }));
  expect(await within(panel).findByRole('alert')).toHaveTextContent(
    `Verification failed at event ${broken}: Event ${broken} was changed`,
  );
  expect(within(panel).getByText(`Events 1–${broken - 1} hold.`, { exact: false })).toBeVisible();
  expect(
    within(panel).getByRole('link', { name: `Show event ${broken} in the log` }),
  ).toBeVisible();
});
