import { formatCount } from './format-count';

/** A count with its noun, for people: `1 file`, `2 files`, `1,204 items`, `2 matches`. */
export const countOf = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;
