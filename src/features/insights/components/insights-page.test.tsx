// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { insightsEndpoints } from '../../../api/endpoints/insights';
import { renderComponent } from '../../../test/render-component';
import { mockServer, signInForTest } from '../../../test/test-backend';
import { percent } from '../model/insights-range';
import { rankedAndHidden } from '../model/rule-rows';
import { InsightsPage } from './insights-page';

/** The insights request the page sent: the same range is read again to know what it shows. */
let asked: string | null = null;
const record = ({ request }: { request: Request }) => {
  const url = new URL(request.url);
  if (url.pathname === insightsEndpoints.getInsights.path) asked = `${url.pathname}${url.search}`;
};
beforeEach(() => {
  asked = null;
  mockServer.events.on('request:start', record);
});
afterEach(() => mockServer.events.removeListener('request:start', record));

/** The insights page over the last 90 days, for a supervisor, and the insights it shows. */
async function openInsights() {
  const sasha = await signInForTest('usr_sasha');
  const { user } = renderComponent(<InsightsPage days={90} onDaysChange={() => {}} />);
  await screen.findByRole('table', { name: 'Supplier provenance, worst first' });
  const path = await waitFor(() => asked ?? Promise.reject(new Error('no insights request')));
  const insights = insightsEndpoints.getInsights.response.parse(
    await (await sasha.get(path)).json(),
  );
  return { user, insights };
}

const headers = (table: HTMLElement) =>
  within(table)
    .getAllByRole('columnheader', { hidden: true })
    .map((th) => th.textContent);

/**
 * The body rows of a table (those shown), each as the text of its row header (when it has one)
 * and its cells. Within a row that is shown every cell is: they are not checked again (slow).
 */
const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => within(row).queryAllByRole('columnheader', { hidden: true }).length === 0)
    .map((row) =>
      [
        ...within(row).queryAllByRole('rowheader', { hidden: true }),
        ...within(row).queryAllByRole('cell', { hidden: true }),
      ].map((cell) => cell.textContent),
    );

test('rule precision: named columns, one row per ranked rule with its counts, its versions opening beneath', async () => {
  const { user, insights } = await openInsights();
  const { ranked } = rankedAndHidden(insights.rules);
  expect(ranked.length).toBeGreaterThan(0);
  const table = screen.getByRole('table', { name: 'Rule precision, most false positives first' });
  expect(headers(table)).toEqual([
    'Rule',
    'Flagged',
    'Confirmed',
    'False positives',
    'Other dismissals',
    'Pending',
    'Precision',
    '95% interval',
  ]);

  // Versions stay closed: only the rules' own rows are read.
  const rows = bodyRows(table);
  expect(rows).toHaveLength(ranked.length);
  for (const [index, rule] of ranked.entries()) {
    expect(rows[index]?.[0]).toContain(rule.ruleName);
    expect(rows[index]?.slice(1, 4)).toEqual([
      String(rule.flagged),
      String(rule.confirmed),
      String(rule.falsePositives),
    ]);
    expect(rows[index]?.[6]).toBe(percent(rule.precision));
  }

  const [first] = ranked;
  if (!first) throw new Error('no ranked rule');
  const escaped = first.ruleName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const versions = within(table).getByRole('button', {
    // (jsdom's accessible names drop the space at the start of the screen-reader-only text)
    name: new RegExp(`versions?\\s*of ${escaped}$`),
  });
  expect(versions).toHaveAttribute('aria-expanded', 'false');
  await user.click(versions);
  expect(versions).toHaveAttribute('aria-expanded', 'true');
  for (const version of first.versions) {
    expect(
      within(table).getByRole('rowheader', {
        name: new RegExp(`^${escaped},\\s*version ${version.ruleVersion}$`),
      }),
    ).toBeVisible();
  }
});

test('supplier scorecard: a column per provenance field and a row per supplier, worst first', async () => {
  const { insights } = await openInsights();
  const table = screen.getByRole('table', { name: 'Supplier provenance, worst first' });
  const fields = insights.suppliers[0]?.fields.map((f) => f.label) ?? [];
  expect(fields.length).toBeGreaterThan(0);
  expect(headers(table)).toEqual([
    'Supplier',
    'Items',
    'Confirmed',
    ...fields,
    'Reports filed (all time)',
  ]);
  expect(bodyRows(table)).toEqual(
    insights.suppliers.map((s) => [
      s.name,
      String(s.items),
      String(s.confirmed),
      ...s.fields.map((f) => percent(f.share)),
      String(s.reportsFiled),
    ]),
  );
});

test('every table on the page has a name, column headers, and rows as wide as its header', async () => {
  await openInsights();
  const tables = screen.getAllByRole('table');
  expect(tables.length).toBeGreaterThanOrEqual(5);
  for (const table of tables) {
    expect(table).toHaveAccessibleName();
    const width = headers(table).length;
    expect(width).toBeGreaterThan(1);
    for (const row of bodyRows(table)) expect(row).toHaveLength(width);
  }
});
