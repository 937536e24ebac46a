import { isTypingTarget } from '../../../lib/keyboard';
import { singleKeyShortcutsOn } from '../../wellness-state/model/wellness-choices';
import { isCharacterKey, type Command } from './command';

/** What the dispatcher reads of a key press (a `KeyboardEvent` has all of it). */
export interface KeyPress {
  key: string;
  target: EventTarget | null;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  preventDefault: () => void;
}

/** A command bound to what it runs on, asked for only when its key is pressed. */
export interface Binding {
  keys: readonly string[];
  once: boolean;
  enabled: () => boolean;
  perform: () => void;
}

/** A surface's commands whose keys are live now, for a user (whose shortcut switch they obey). */
export interface Scope {
  userId: string;
  live: () => readonly Binding[];
}

/** Binds `commands` to `contextNow`, which is called once a key needs it, then reused. */
export function bindCommands<Ctx>(
  commands: readonly Command<Ctx>[],
  contextNow: () => Ctx,
): Binding[] {
  let ctx: { value: Ctx } | undefined;
  const now = () => (ctx ??= { value: contextNow() }).value;
  return commands.map((command) => ({
    keys: command.keys,
    once: command.once ?? false,
    enabled: () => command.enabled?.(now()) ?? true,
    perform: () => command.perform(now()),
  }));
}

/**
 * The one guard of every shortcut: a key pressed alone (no Alt, Ctrl or Meta: those belong to
 * the browser and the system), never while the user types in a field (WCAG 2.1.4).
 */
export const isShortcutPress = (press: KeyPress) =>
  !press.altKey && !press.ctrlKey && !press.metaKey && !isTypingTarget(press.target);

/**
 * Runs the command bound to the key in the scopes mounted, if it may run now, and prevents the
 * key's default. Single-key shortcuts (a character) count only while the user's switch is on;
 * the arrows and Escape always do. Returns whether a command ran.
 */
export function dispatchKey(
  press: KeyPress,
  scopes: Iterable<Scope>,
  shortcutsOn: (userId: string) => boolean,
): boolean {
  if (!isShortcutPress(press)) return false;
  for (const scope of scopes) {
    if (isCharacterKey(press.key) && !shortcutsOn(scope.userId)) continue;
    for (const binding of scope.live()) {
      if (!binding.keys.includes(press.key) || (press.repeat && binding.once)) continue;
      if (!binding.enabled()) continue;
      press.preventDefault();
      binding.perform();
      return true;
    }
  }
  return false;
}

const mounted = new Set<Scope>();
const onKeyDown = (event: KeyboardEvent) => dispatchKey(event, mounted, singleKeyShortcutsOn);

/** Puts a scope on the page's one key listener; returns what takes it off again. */
export function mountScope(scope: Scope): () => void {
  if (mounted.size === 0) window.addEventListener('keydown', onKeyDown);
  mounted.add(scope);
  return () => {
    mounted.delete(scope);
    if (mounted.size === 0) window.removeEventListener('keydown', onKeyDown);
  };
}
