/** Placeholder until the insights page lands in this session (issue 7). */
export function InsightsRoute() {
  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">Insights</h1>
    </main>
  );
}
