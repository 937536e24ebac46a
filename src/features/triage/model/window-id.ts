import { WindowId } from '../../../api/schemas/item';

const KEY = 'verity.window';

/**
 * This tab's window id: drawn once, kept in sessionStorage so a reload keeps holding what it held,
 * while every other tab or browser draws its own. A lease names the window that holds it.
 */
export function thisWindowId(): string {
  const stored = WindowId.safeParse(sessionStorage.getItem(KEY));
  if (stored.success) return stored.data;
  const drawn = `win-${crypto.randomUUID()}`;
  sessionStorage.setItem(KEY, drawn);
  return drawn;
}
