import { ApiError, sessionEnded, unreachable } from "./api-error";

/** Renew this long before expiry so a token never dies in flight. */
const RENEW_MARGIN_MS = 60_000;

interface Held {
  token: string;
  expiresAt: number;
}

function expiryOf(token: string): number {
  try {
    const payload = token.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/**
 * The API token lives only in this closure (never localStorage): a script that
 * manages to run on the page cannot read it from storage, and a reload simply
 * asks /api/auth/token again. Concurrent callers share one in-flight request.
 */
export function createTokenStore(endpoint = "/api/auth/token") {
  let held: Held | null = null;
  let inflight: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    let response: Response;
    try {
      response = await fetch(endpoint, { credentials: "same-origin", cache: "no-store" });
    } catch {
      throw unreachable("We can't reach the server. Check your connection.");
    }
    if (response.status === 401) throw sessionEnded();
    if (!response.ok) throw new ApiError("unreachable", response.status, "Signing you in to the task server failed.");
    const { token } = (await response.json()) as { token?: unknown };
    if (typeof token !== "string") throw new ApiError("unreachable", response.status, "The server sent no token.");
    held = { token, expiresAt: expiryOf(token) };
    return token;
  }

  return {
    async get(): Promise<string> {
      if (held && Date.now() < held.expiresAt - RENEW_MARGIN_MS) return held.token;
      inflight ??= fetchToken().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    /** After the API refused the token (401): forget it so the next get() fetches a fresh one. */
    invalidate(): void {
      held = null;
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
