import { Button } from '../../../components/ui/button';
import { UNDO_OFFER_SECONDS } from '../../../domain/review-rules';
import { commands } from '../model/commands';
import { usePreferences } from '../model/preferences';

/** Every shortcut, from the same command list the buttons and the keyboard use. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { singleKeyShortcuts, setSingleKeyShortcuts } = usePreferences();
  return (
    <section
      aria-label="Keyboard shortcuts"
      className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm"
    >
      <table>
        <caption className="text-left font-semibold">Keyboard shortcuts</caption>
        <tbody>
          <tr>
            <th scope="row" className="pr-3 text-left font-mono">
              j / ↓, k / ↑
            </th>
            <td>Next / previous item</td>
          </tr>
          <tr>
            <th scope="row" className="pr-3 text-left font-mono">
              u
            </th>
            <td>Undo the last decision (for {UNDO_OFFER_SECONDS} s)</td>
          </tr>
          {commands.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="pr-3 text-left font-mono">
                {c.inDismissMenu ? `d then ${c.keys.join(', ')}` : c.keys.join(', ')}
              </th>
              <td>{c.inDismissMenu ? `Dismiss: ${c.label}` : c.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="mt-2 flex items-center gap-2">
        <input
          type="checkbox"
          checked={singleKeyShortcuts}
          onChange={(event) => setSingleKeyShortcuts(event.target.checked)}
        />
        Single-key shortcuts on
      </label>
      <Button variant="quiet" onClick={onClose}>
        Close
      </Button>
    </section>
  );
}
