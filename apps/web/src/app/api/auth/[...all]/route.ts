import { getAuth } from "@/lib/auth";
import { accountRetryAfter, clearFailures, recordFailure } from "@/lib/sign-in-throttle";

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

// Better Auth serves every /api/auth/* endpoint (sign-up, sign-in, sign-out,
// get-session, token) from one handler. Its answers are per-person (sessions,
// tokens), so no cache may keep them.
async function handle(request: Request): Promise<Response> {
  return noStore(await getAuth().handler(request));
}

async function emailOf(request: Request): Promise<string | undefined> {
  try {
    const body = (await request.clone().json()) as { email?: unknown };
    return typeof body.email === "string" && body.email.length <= 320 ? body.email : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sign-in also passes a per-account throttle (lib/sign-in-throttle.ts) on top of
 * Better Auth's per-address limit: failures count against the account whatever
 * address they claim to come from, and a success clears them.
 */
async function post(request: Request): Promise<Response> {
  if (!new URL(request.url).pathname.endsWith("/sign-in/email")) return handle(request);
  const email = await emailOf(request);
  if (!email) return handle(request);
  const wait = await accountRetryAfter(email);
  if (wait > 0) {
    return Response.json(
      {
        code: "TOO_MANY_ATTEMPTS",
        message: `Too many failed sign-ins for this account. Try again in ${Math.ceil(wait / 60)} min.`,
      },
      { status: 429, headers: { "Retry-After": String(wait), "cache-control": "no-store" } },
    );
  }
  const response = await handle(request);
  if (response.status === 200) await clearFailures(email);
  else if (response.status === 401) await recordFailure(email);
  return response;
}

export const GET = handle;
export const POST = post;
