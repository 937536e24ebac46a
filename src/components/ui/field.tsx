import { useId, type ReactNode } from 'react';

/** What a control needs to be named by its label and described by its hint and error. */
export interface FieldControl {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** A hint or error is shown when there is something to show. */
const shown = (node: ReactNode) =>
  node !== undefined && node !== null && node !== false && node !== '';

/**
 * The ids that tie one control to its label (`htmlFor` = `control.id`), its hint and its error:
 * the control is described by the hint, then the error, and is invalid while there is an error.
 * For layouts of their own; `Field` is the usual one.
 */
export function useField({ hint, error }: { hint: boolean; error: boolean }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const control: FieldControl = {
    id,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': error ? true : undefined,
  };
  return { control, hintId, errorId };
}

type Layout = 'stacked' | 'inline';

const layouts: Record<Layout, string> = {
  /** The label above the control, the hint and error below it. */
  stacked: 'flex flex-col gap-1 text-xs text-slate-700',
  /** The label before the control, on one line (a filter above a list). */
  inline: 'flex items-center gap-2 text-sm',
};

/**
 * A labelled control with an optional hint and error. `children` renders the control with the
 * props it is given (id, aria-describedby, aria-invalid). `hideLabel` keeps the label for screen
 * readers only, where the control speaks for itself (a search box); `className` adds layout.
 */
export function Field({
  label,
  hint,
  error,
  layout = 'stacked',
  hideLabel = false,
  className = '',
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  layout?: Layout | undefined;
  hideLabel?: boolean;
  className?: string | undefined;
  children: (control: FieldControl) => ReactNode;
}) {
  const { control, hintId, errorId } = useField({ hint: shown(hint), error: shown(error) });
  return (
    <div className={`${layouts[layout]} ${className}`}>
      <label htmlFor={control.id} className={hideLabel ? 'sr-only' : 'font-medium'}>
        {label}
      </label>
      {children(control)}
      {shown(hint) && (
        <span id={hintId} className="text-slate-600">
          {hint}
        </span>
      )}
      {shown(error) && (
        <span id={errorId} className="text-red-900">
          {error}
        </span>
      )}
    </div>
  );
}
