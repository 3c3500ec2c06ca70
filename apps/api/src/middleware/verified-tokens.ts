/** How many distinct tokens are remembered; a flood of fresh valid tokens only clears the map. */
const MAX_ENTRIES = 10_000;

/**
 * Tokens whose signature and claims already passed, by their exact text, until they expire.
 * The same string cannot carry another signature or other claims, so a hit skips only the
 * HMAC (a WebCrypto job per request otherwise); exp is still enforced on every hit, and the
 * session check after it still runs each time.
 */
export function verifiedTokens<T>(now: () => number = Date.now) {
  const entries = new Map<string, { payload: T; until: number }>();
  return {
    get(token: string): T | undefined {
      const entry = entries.get(token);
      if (!entry) return undefined;
      if (entry.until > now()) return entry.payload;
      entries.delete(token);
      return undefined;
    },
    set(token: string, payload: T, untilMs: number): void {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(token, { payload, until: untilMs });
    },
  };
}
