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

/**
 * The email of a sign-in, however it was encoded: Better Auth accepts JSON and
 * urlencoded forms, and the throttle must see both or it could be sidestepped.
 */
async function emailOf(request: Request): Promise<string | undefined> {
  const type = request.headers.get("content-type") ?? "";
  try {
    let email: unknown;
    if (/^application\/x-www-form-urlencoded/i.test(type)) {
      email = new URLSearchParams(await request.clone().text()).get("email");
    } else {
      email = ((await request.clone().json()) as { email?: unknown }).email;
    }
    return typeof email === "string" && email.length <= 320 ? email : undefined;
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
  // No readable email, no sign-in: refuse here rather than let an encoding we did not
  // parse reach Better Auth unthrottled.
  if (!email) {
    return Response.json(
      { code: "INVALID_REQUEST", message: "Send the email and password as JSON." },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
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
