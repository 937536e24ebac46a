import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { Command, CommandContext } from './command';
import { bindCommands, mountScope } from './key-dispatcher';

/**
 * Puts a surface's `commands` on the page's key dispatcher while it is mounted, those of the
 * `live` contexts answering their keys; returns `run`, for its buttons. Both ask `contextNow`
 * for what the command runs on at the moment it runs, and run it only if it is enabled then.
 * `commands` must keep its identity (a module's constant).
 */
export function useCommands<Ctx>(
  userId: string,
  commands: readonly Command<Ctx>[],
  live: readonly CommandContext[],
  contextNow: () => Ctx,
): (command: Command<Ctx>) => void {
  const latest = useRef({ live, contextNow });
  useLayoutEffect(() => {
    latest.current = { live, contextNow };
  });
  useEffect(
    () =>
      mountScope({
        userId,
        live: () =>
          bindCommands(
            commands.filter((command) => latest.current.live.includes(command.context)),
            latest.current.contextNow,
          ),
      }),
    [userId, commands],
  );
  return useCallback((command: Command<Ctx>) => {
    const ctx = latest.current.contextNow();
    if (command.enabled?.(ctx) ?? true) command.perform(ctx);
  }, []);
}
