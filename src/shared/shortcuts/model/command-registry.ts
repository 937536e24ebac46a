import type { Command, CommandContext, CommandEntry } from './command';
import { decisionCommands } from './decision-commands';
import { undoCommands } from './undo-command';

/** What the item list gives its commands. */
export interface ListCommandContext {
  /** Moves the selection to the next (1) or the previous (-1) item. */
  move: (delta: 1 | -1) => void;
}

export const next: Command<ListCommandContext> = {
  id: 'next',
  label: 'Next item',
  keys: ['j', 'ArrowDown'],
  context: 'list',
  perform: (ctx) => ctx.move(1),
};

export const previous: Command<ListCommandContext> = {
  id: 'previous',
  label: 'Previous item',
  keys: ['k', 'ArrowUp'],
  context: 'list',
  perform: (ctx) => ctx.move(-1),
};

export const listCommands: readonly Command<ListCommandContext>[] = [next, previous];

/**
 * The one list of commands, in the order the shortcut help shows them: on the settings page and
 * behind `?` in the workspace. Each surface runs its own part of it through the key dispatcher.
 */
export const allCommands: readonly CommandEntry[] = [
  ...listCommands,
  ...undoCommands,
  ...decisionCommands,
];

/** The contexts whose keys are live at the same time: none of their keys may be bound twice. */
export const liveTogether: readonly (readonly CommandContext[])[] = [
  ['anywhere', 'list', 'decision'],
  ['anywhere', 'list', 'dismiss menu'],
];
