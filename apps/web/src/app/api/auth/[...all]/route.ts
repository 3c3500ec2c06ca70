import { getIP } from "better-auth/api";
import { getAuth } from "@/lib/auth";
import { AuthBodyError, cleanAuthRequest } from "@/lib/auth-body";
import { withOutageAnswer } from "@/lib/auth-outage";
import { recordFailure, recordSuccess, signInRetryAfter } from "@/lib/sign-in-throttle";

const noStore = (response: Response): Response => {
  if (!response.headers.has("cache-control")) {
    try {
      response.headers.set("cache-control", "no-store");
    } catch {
      // Immutable headers (a passed-through Response): leave them as they are.
    }
  }
  return response;
};

const refusal = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ code, message }, { status, headers: { "cache-control": "no-store", ...headers } });

/**
 * Sign-in also passes the per-account throttle (lib/sign-in-throttle.ts, ADR 0009) on top of
 * Better Auth's per-address limit. It reads the email from the same clean body Better Auth
 * gets, so the account counted is the account signed in.
 */
async function signIn(request: Request, email: unknown): Promise<Response> {
  if (typeof email !== "string") return refusal(400, "INVALID_REQUEST", "Send the email and password.");
  const auth = getAuth();
  const address = getIP(request, auth.options) ?? "unknown";
  const wait = await signInRetryAfter(email, address);
  if (wait > 0) {
    const after = wait < 60 ? `${wait} s` : `${Math.ceil(wait / 60)} min`;
    return refusal(429, "TOO_MANY_ATTEMPTS", `Too many failed sign-ins for this account. Try again in ${after}.`, {
      "Retry-After": String(wait),
    });
  }
  const response = await auth.handler(request);
  if (response.status === 200) await recordSuccess(email, address);
  else if (response.status === 401) await recordFailure(email, address);
  return response;
}

// Better Auth serves every /api/auth/* endpoint (sign-up, sign-in, sign-out, get-session,
// token) from one handler. Its answers are per-person (sessions, tokens): no cache may keep them.
async function handle(original: Request): Promise<Response> {
  let clean: Awaited<ReturnType<typeof cleanAuthRequest>>;
  try {
    clean = await cleanAuthRequest(original);
  } catch (error) {
    if (error instanceof AuthBodyError) return refusal(error.status, error.code, error.message);
    throw error;
  }
  const { request, fields } = clean;
  return noStore(
    await withOutageAnswer(() =>
      request.method === "POST" && new URL(request.url).pathname.endsWith("/sign-in/email")
        ? signIn(request, fields.email)
        : getAuth().handler(request),
    ),
  );
}

export const GET = handle;
export const POST = handle;
