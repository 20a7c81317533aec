/**
 * A readable, non-secret cookie ("1") the server sets beside the HttpOnly session cookie at sign-in and clears at
 * sign-out and whenever a request comes without a usable session. It only says "ask who is signed in": without
 * it the web app and the shell do not ask GET /api/v1/me (an anonymous visit makes no failing request). It grants
 * nothing; the session cookie alone authenticates.
 */
export const SIGNED_IN_HINT_COOKIE = 'amongi_signed_in';
