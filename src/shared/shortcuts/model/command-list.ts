import { DismissReason } from '../../../api/schemas/decision';
import { dismissReasonLabels } from '../../../domain/decision-labels';

export type CommandId =
  'confirm' | 'annotate' | 'dismiss' | 'escalate' | 'help' | `dismiss:${DismissReason}`;

export interface Command {
  id: CommandId;
  label: string;
  /** Keys that run it (single keys, ignored while typing and when shortcuts are off). */
  keys: readonly string[];
  /** Shown only while choosing a dismissal reason. */
  inDismissMenu?: boolean;
}

const dismissCommands: Command[] = DismissReason.options.map((reason, index) => ({
  id: `dismiss:${reason}`,
  label: dismissReasonLabels[reason],
  keys: [String(index + 1)],
  inDismissMenu: true,
}));

/** The one list of adjudication commands: read by the buttons, the keyboard and the help. */
export const commands: readonly Command[] = [
  { id: 'confirm', label: 'Confirm', keys: ['c'] },
  { id: 'annotate', label: 'File annotations for a confirmation…', keys: ['a'] },
  { id: 'dismiss', label: 'Dismiss…', keys: ['d'] },
  ...dismissCommands,
  { id: 'escalate', label: 'Escalate…', keys: ['e'] },
  { id: 'help', label: 'Keyboard shortcuts', keys: ['?'] },
];

export const commandForKey = (key: string, dismissMenuOpen: boolean) =>
  commands.find((c) => c.keys.includes(key) && Boolean(c.inDismissMenu) === dismissMenuOpen);
