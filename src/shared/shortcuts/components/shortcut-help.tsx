import { Button } from '../../../components/ui/button';
import {
  setSingleKeyShortcuts,
  useSingleKeyShortcuts,
} from '../../wellness-state/model/wellness-choices';
import { ShortcutReference } from './shortcut-reference';

/** The `?` panel: every shortcut, and the switch that turns single-key shortcuts off. */
export function ShortcutHelp({ userId, onClose }: { userId: string; onClose: () => void }) {
  const singleKeyShortcuts = useSingleKeyShortcuts(userId);
  return (
    <section
      aria-label="Keyboard shortcuts"
      className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm"
    >
      <ShortcutReference caption="Keyboard shortcuts" />
      <label className="mt-2 flex items-center gap-2">
        <input
          type="checkbox"
          checked={singleKeyShortcuts}
          onChange={(event) => setSingleKeyShortcuts(userId, event.target.checked)}
        />
        Single-key shortcuts on
      </label>
      <Button variant="quiet" onClick={onClose}>
        Close
      </Button>
    </section>
  );
}
