import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { clusterEndpoints } from './clusters';
import { itemsKey } from './items.queries';

/** The item's cluster; under `itemsKey`, so it is read again whenever items change. */
export const clusterQueryOptions = (itemId: string) =>
  queryOptions({
    queryKey: [...itemsKey, 'cluster', itemId],
    queryFn: ({ signal }) =>
      apiRequest(clusterEndpoints.getCluster, { params: { itemId }, signal }),
  });
