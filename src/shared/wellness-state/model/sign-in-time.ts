/**
 * When the console opened for each user in this tab — their sign-in, or the page load that found
 * them signed in: the instant a new shift runs from (model/exposure.ts). Kept in memory only, and
 * in its own tiny module, so the first screen carries nothing more of the wellness machinery.
 */
const openedAt = new Map<string, number>();

export const noteSignIn = (userId: string, at: number) => void openedAt.set(userId, at);

export const signedInAt = (userId: string): number | undefined => openedAt.get(userId);
