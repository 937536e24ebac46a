import type { ComponentProps } from 'react';

/**
 * The one look of a text box, a select and a text area; `className` adds layout (a width, a
 * font), never another look. A label, hint and error come from `Field`.
 */
const controlClass =
  'rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-50 disabled:text-slate-700';

export function Input({ className = '', ...props }: ComponentProps<'input'>) {
  return <input className={`${controlClass} ${className}`} {...props} />;
}

export function Select({ className = '', ...props }: ComponentProps<'select'>) {
  return <select className={`${controlClass} ${className}`} {...props} />;
}

export function Textarea({ className = '', ...props }: ComponentProps<'textarea'>) {
  return <textarea className={`${controlClass} ${className}`} {...props} />;
}
