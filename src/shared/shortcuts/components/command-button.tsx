import { Button } from '../../../components/ui/button';
import { keyName, type Command } from '../model/command';

/**
 * A command as a button, all of it from the command: its text, its key while single-key
 * shortcuts are on, whether it may run, the panel it opens; a click runs it through `run`.
 */
export function CommandButton<Ctx>({
  command,
  ctx,
  run,
  shortcuts,
}: {
  command: Command<Ctx>;
  /** What the command reads to render: the surface's state at this render. */
  ctx: Ctx;
  run: (command: Command<Ctx>) => void;
  shortcuts: boolean;
}) {
  const { variant = 'secondary', text, expanded, keyFirst = false } = command.button ?? {};
  const [first] = command.keys;
  const key = shortcuts && first !== undefined ? keyName(first) : null;
  const label = text?.(ctx) ?? command.label;
  return (
    <Button
      variant={variant}
      disabled={!(command.enabled?.(ctx) ?? true)}
      aria-expanded={expanded?.(ctx)}
      onClick={() => run(command)}
    >
      {key === null ? label : keyFirst ? `${key} ${label}` : `${label} (${key})`}
    </Button>
  );
}
