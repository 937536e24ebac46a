import type { ComponentProps } from 'react';

/**
 * The one look of a text box, a select and a text area; `className` adds layout (a width, a
 * font), never another look. A label, hint and error come from `Field`.
 */
const controlClass =
  'rounded-md border px-2 py-1 text-sm disabled:bg-slate-50 disabled:text-slate-700';

const borders = {
  plain: 'border-slate-300',
  /** A choice that stands out: a filter away from its view's default. */
  marked: 'border-sky-700 bg-sky-50 font-medium ring-1 ring-sky-700',
};

export function Input({ className = '', ...props }: ComponentProps<'input'>) {
  return <input className={`${controlClass} ${borders.plain} ${className}`} {...props} />;
}

export function Select({
  marked = false,
  className = '',
  ...props
}: ComponentProps<'select'> & { marked?: boolean }) {
  return (
    <select
      className={`${controlClass} ${marked ? borders.marked : borders.plain} ${className}`}
      {...props}
    />
  );
}

export function Textarea({ className = '', ...props }: ComponentProps<'textarea'>) {
  return <textarea className={`${controlClass} ${borders.plain} ${className}`} {...props} />;
}
