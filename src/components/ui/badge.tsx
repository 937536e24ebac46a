import type { ReactNode } from 'react';

type Size = 'row' | 'column' | 'small' | 'large';

const sizes: Record<Size, string> = {
  /** In a list row, where space is tight. */
  row: 'px-1 text-[11px] leading-4',
  /** A list row's column of its own: fixed width, centred. */
  column: 'w-7 shrink-0 text-center text-xs',
  small: 'px-1.5 py-0.5 text-xs',
  /** Beside a page's heading. */
  large: 'px-2 py-0.5 text-sm',
};

/**
 * An enum's value as a small tag: its label on its colours. `label` and `className` are a lookup
 * table's entry (`<Badge {...priorityStyles[p]} />`); `children` follow the label.
 */
export function Badge({
  label,
  className,
  size = 'small',
  children,
}: {
  label: string;
  className: string;
  size?: Size;
  children?: ReactNode;
}) {
  return (
    <span className={`rounded ${sizes[size]} ${className}`}>
      {label}
      {children}
    </span>
  );
}
