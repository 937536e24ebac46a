import { helpRow } from '../model/command';
import { allCommands } from '../model/command-registry';

/**
 * Every shortcut, one row per command of the registry the buttons and the keyboard run: shown by
 * `?` in the workspace and on the settings page.
 */
export function ShortcutReference({ caption }: { caption: string }) {
  return (
    <table>
      <caption className="text-left font-semibold">{caption}</caption>
      <tbody>
        {allCommands.map((command) => {
          const row = helpRow(command);
          return (
            <tr key={command.id}>
              <th scope="row" className="pr-3 text-left font-mono">
                {row.keys}
              </th>
              <td>{row.action}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
