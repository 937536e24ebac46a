/**
 * Where a command's keys are live. The contexts live at the same time (`liveTogether` in the
 * registry) never bind one key twice: the list's moves and the undo beside the decision bar, or
 * beside its dismiss menu, which replaces the bar's keys while it is open.
 */
export type CommandContext = 'anywhere' | 'list' | 'decision' | 'dismiss menu';

/**
 * One command: what the buttons, the keyboard and the shortcut help all read (the model is
 * Excalidraw's actions). `Ctx` is what its surface gives it to run on, as things stand when it
 * runs: the decision bar's choices, the list's moves, the undo on offer.
 */
export interface Command<Ctx> {
  id: string;
  label: string;
  /** `KeyboardEvent.key` values. A single character is a single-key shortcut (WCAG 2.1.4). */
  keys: readonly string[];
  context: CommandContext;
  /** The shortcut help's wording and keys, when they are not the label and the keys. */
  help?: { action?: string; keys?: string };
  /** Held down, the key runs it once: it is not repeated with the key. */
  once?: boolean;
  /** Whether it may run now; always, when not given. */
  enabled?: (ctx: Ctx) => boolean;
  perform: (ctx: Ctx) => void;
  /** As a button: its variant, its text when not the label, and the panel it opens. */
  button?: {
    variant?: 'primary' | 'quiet';
    text?: (ctx: Ctx) => string;
    expanded?: (ctx: Ctx) => boolean;
    /** The key before the text, as in a numbered menu ("1 Adult content"). */
    keyFirst?: boolean;
  };
}

/** What the help, the invariants and the key hints read of any command. */
export type CommandEntry = Pick<Command<never>, 'id' | 'label' | 'keys' | 'context' | 'help'>;

/** Keys that type a character: the ones the switch for single-key shortcuts turns off. */
export const isCharacterKey = (key: string) => /^.$/u.test(key);

const keyNames: Readonly<Record<string, string>> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  Escape: 'Esc',
};

/** A key as the help and the buttons show it. */
export const keyName = (key: string) => keyNames[key] ?? key;

/** " (c)" after a button's text while single-key shortcuts are on; nothing otherwise. */
export function keyHint(command: Pick<CommandEntry, 'keys'>, shortcutsOn: boolean): string {
  const [key] = command.keys;
  return shortcutsOn && key !== undefined ? ` (${keyName(key)})` : '';
}

/** The command's row in the shortcut help: its keys, and what they do. */
export const helpRow = (command: CommandEntry) => ({
  keys: command.help?.keys ?? command.keys.map(keyName).join(', '),
  action: command.help?.action ?? command.label,
});
