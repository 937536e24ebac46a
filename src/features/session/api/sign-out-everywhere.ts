import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { useEndSession } from './sign-out';

/** Ends every session of the signed-in user, in this browser and every other. */
export const signOutEverywhere = () => apiRequest(endpoints.signOutEverywhere, {});

export const useSignOutEverywhere = () => useEndSession(signOutEverywhere);
