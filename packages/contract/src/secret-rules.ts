/**
 * The rule for BETTER_AUTH_SECRET, shared by the API's and the web's env checks
 * and by `npm run verify`, so the three can never disagree.
 */
export const MIN_SECRET_LENGTH = 32;

// Values people paste from examples: refused in production even when long enough.
const PLACEHOLDER = /change[-_ ]?me|replace[-_ ]?me|placeholder|your[-_ ]?secret|example|^(secret|test)$|^(.)\2+$/i;

/** Why a secret is unfit for production, or undefined when it is fine. */
export function secretProblem(secret: string | undefined): string | undefined {
  if (!secret) return "is required";
  if (secret.length < MIN_SECRET_LENGTH) {
    return `must be at least ${MIN_SECRET_LENGTH} characters (it has ${secret.length}); generate one with \`openssl rand -base64 32\``;
  }
  if (PLACEHOLDER.test(secret)) return "looks like a placeholder; generate one with `openssl rand -base64 32`";
  return undefined;
}
