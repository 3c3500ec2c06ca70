/**
 * Set when the person presses Sign out. Until the page goes, requests that find the session gone
 * are expected: the task page must not send the person to the sign-in page then, which cut off
 * the sign-out's own move to "/" (seen as an aborted navigation in CI).
 */
export const signingOut = { now: false };
