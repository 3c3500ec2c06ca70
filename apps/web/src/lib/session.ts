import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "./auth";

/** The signed-in visitor, checked against the session table (not just the cookie). */
export async function getSession() {
  return getAuth().api.getSession({ headers: await headers() });
}

/** For protected pages: a visitor without a live session goes to sign-in and comes back. */
export async function requireSession(returnTo: string) {
  const session = await getSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return session;
}
