import { randomBytes } from "node:crypto";
import { inject } from "vitest";

/**
 * Where the stack runs: Vitest's globalSetup provides it to tests; a plain script
 * (tests/e2e/screenshots.ts) sets E2E_WEB_URL / E2E_API_URL instead.
 */
const webUrl = () => process.env.E2E_WEB_URL ?? inject("webUrl");
const apiUrl = () => process.env.E2E_API_URL ?? inject("apiUrl");

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
  cookie: { name: string; value: string };
}

/**
 * A client address of its own for each caller. Better Auth rate-limits sign-in
 * and sign-up per IP; the tests all come from 127.0.0.1, so without this they
 * would share (and exhaust) one budget. Next.js keeps a client-sent
 * X-Forwarded-For, which is exactly what a proxy in front of it would set.
 */
export const clientAddress = () => `10.${rnd()}.${rnd()}.${rnd()}`;
const rnd = () => 1 + Math.floor(Math.random() * 250);

export const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;

/** Calls the web the way a browser form does: same-origin JSON with an Origin header. */
export function authPost(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${webUrl()}/api/auth${path}`, {
    method: "POST",
    headers: { origin: webUrl(), "content-type": "application/json", "x-forwarded-for": clientAddress(), ...headers },
    body: JSON.stringify(body),
    redirect: "manual",
  });
}

export function sessionCookie(response: Response): { name: string; value: string } {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    const name = pair?.slice(0, eq) ?? "";
    if (name.endsWith("better-auth.session_token")) return { name, value: pair?.slice(eq + 1) ?? "" };
  }
  throw new Error(`no session cookie in the response (${response.status})`);
}

/** A new account through Better Auth's real sign-up endpoint; the UI flow has its own test. */
export async function createUser(label: string, name = "Test Person"): Promise<TestUser> {
  const email = uniqueEmail(label);
  const password = `pw-${randomBytes(9).toString("base64url")}`;
  const response = await authPost("/sign-up/email", { name, email, password });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, name, email, password, cookie: sessionCookie(response) };
}

export const cookieHeader = (user: Pick<TestUser, "cookie">) => `${user.cookie.name}=${user.cookie.value}`;

/** The API token exactly as the browser gets it. */
export async function apiToken(user: Pick<TestUser, "cookie">): Promise<string> {
  const response = await fetch(`${webUrl()}/api/auth/token`, { headers: { cookie: cookieHeader(user) } });
  if (!response.ok) throw new Error(`token request failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** A direct call to the task API with a user's token (setting up data, checking isolation). */
export async function callApi(token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${apiUrl()}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

/** The task API as one user, for setting up data and checking what the server holds. */
export async function apiAs(user: TestUser) {
  const token = await apiToken(user);
  async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    let response = await callApi(token, method, `/api/${user.id}${path}`, body);
    // Seeding a hundred tasks meets the per-user burst limit (contract 3b): wait as told, like any client.
    for (let tries = 0; response.status === 429 && tries < 5; tries++) {
      await new Promise((r) => setTimeout(r, 1000 * Number(response.headers.get("retry-after") ?? 1)));
      response = await callApi(token, method, `/api/${user.id}${path}`, body);
    }
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? null : await response.json()) as T;
  }
  return {
    get: <T = unknown>(path: string) => call<T>("GET", path),
    post: <T = unknown>(path: string, body?: unknown) => call<T>("POST", path, body ?? {}),
    put: <T = unknown>(path: string, body: unknown) => call<T>("PUT", path, body),
    delete: (path: string) => call("DELETE", path),
    /**
     * Creates tasks in order, so "newest first" is the reverse of the array; `batch`
     * sends that many at once when the order does not matter (kind to the burst limit).
     */
    async createTasks(tasks: Record<string, unknown>[], batch = 1): Promise<{ id: string; title: string }[]> {
      const made: { id: string; title: string }[] = [];
      for (let i = 0; i < tasks.length; i += batch) {
        made.push(
          ...(await Promise.all(
            tasks.slice(i, i + batch).map((t) => call<{ id: string; title: string }>("POST", "/tasks", t)),
          )),
        );
      }
      return made;
    },
  };
}
