import { UNDO_OFFER_SECONDS } from '../../../domain/review-rules';
import { commands } from '../model/command-list';

/**
 * Every shortcut, from the same command list the buttons and the keyboard use: shown by `?` in
 * the workspace and on the settings page.
 */
export function ShortcutReference({ caption }: { caption: string }) {
  return (
    <table>
      <caption className="text-left font-semibold">{caption}</caption>
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
  );
}
