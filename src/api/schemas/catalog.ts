import { z } from '../../lib/zod';
import { Id } from './common';

/** What the list filters offer: the suppliers and the detection rules items come from. */
export const FilterCatalog = z
  .object({
    suppliers: z.array(z.object({ id: Id, name: z.string() })),
    rules: z.array(
      z.object({
        id: Id,
        name: z.string(),
        kind: z.enum(['hash_match', 'classifier', 'text_rule', 'heuristic']),
      }),
    ),
  })
  .register(z.globalRegistry, { id: 'FilterCatalog' });
export type FilterCatalog = z.infer<typeof FilterCatalog>;
