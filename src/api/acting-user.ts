/**
 * Who this tab acts for: the signed-in user its screen shows. Sent with every state-changing
 * request (`ACTING_USER_HEADER` in headers.ts), so a tab that still shows one user never acts under a session
 * someone else started in this browser (tabs share the cookie): the server refuses it (403
 * `maker_mismatch`) and the tab re-reads who is signed in.
 */
let actingUser: string | null = null;

export const setActingUser = (userId: string | null) => {
  actingUser = userId;
};

export const actingUserId = () => actingUser;
