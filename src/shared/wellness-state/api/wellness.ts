import { useQuery } from '@tanstack/react-query';
import { organisationWellnessQueryOptions } from '../../../api/endpoints/wellness.queries';
import { effectiveWellness } from '../../../domain/wellness';
import { useWellnessChoices } from '../model/wellness-choices';

/**
 * The wellness settings this user's previews obey: the organisation's defaults (from the API),
 * made safer by the user's own choices. `wellness` is undefined until the defaults are known —
 * and then no preview may be shown, since the organisation may have safe mode on.
 */
export function useWellness(userId: string) {
  const organisation = useQuery(organisationWellnessQueryOptions());
  const choices = useWellnessChoices(userId);
  return {
    organisation,
    choices,
    wellness: organisation.data ? effectiveWellness(choices, organisation.data) : undefined,
  };
}
