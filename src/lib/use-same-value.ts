import { hashKey } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * `value`, or the value given before while it holds the same data (compared as TanStack Query
 * compares query keys): a view rebuilt on every render keeps its identity, so what is memoised on
 * it does not render again for nothing.
 */
export function useSameValue<T>(value: T): T {
  const [kept, setKept] = useState(value);
  if (kept === value || hashKey([kept]) === hashKey([value])) return kept;
  setKept(value);
  return value;
}
