/** Placeholder until the settings page lands in this session (issue 7). */
export function SettingsRoute() {
  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">Settings</h1>
    </main>
  );
}
