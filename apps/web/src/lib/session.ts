import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth";

/**
 * The signed-in visitor, checked against the session table (not just the cookie);
 * asked once per request even when the layout and the page both need it.
 */
export const getSession = cache(async () => getAuth().api.getSession({ headers: await headers() }));

/** For protected pages: a visitor without a live session goes to sign-in and comes back. */
export async function requireSession(returnTo: string) {
  const session = await getSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return session;
}
