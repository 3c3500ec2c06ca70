import { liveCheck } from "./checks-live.ts";
import { readJson, request } from "./http.ts";
import type { Runner } from "./runner.ts";
import { CheckFailure, type Target } from "./types.ts";
import { WebUser } from "./web-user.ts";

interface Task {
  id: string;
  title: string;
  completed: boolean;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;

/** Milliseconds until `call` answers 401, polling; undefined when it still does not after `limitMs`. */
async function refusedWithin(call: () => Promise<Response>, limitMs: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started <= limitMs) {
    if ((await call()).status === 401) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

/** Sign-up to delete, through the real HTTP endpoints of both services; always cleans up. */
export async function flowChecks(run: Runner, target: Target): Promise<void> {
  const alice = new WebUser(target.webUrl);
  const bob = new WebUser(target.webUrl);
  let aliceToken = "";
  let bobToken = "";
  let taskId = "";
  const api = (token: string, path: string, init: RequestInit = {}) =>
    request(`${target.apiUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...(init.headers ?? {}) },
    });
  const tasksOf = (user: WebUser) => `/api/${encodeURIComponent(user.id)}/tasks`;
  const expectStatus = (res: Response, status: number, what: string) => {
    if (res.status !== status) throw new CheckFailure(`${what} answered ${res.status}, expected ${status}`);
  };

  try {
    await run.check(
      "auth.sign-up",
      "two throwaway users sign up through Better Auth",
      async () => {
        await alice.signUp();
        await bob.signUp();
        return `created ${alice.email} and ${bob.email}`;
      },
      // Nobody is signed up on a system already known to be broken: nothing to clean up.
      { needs: ["web.database", "api.database", "db.same-database"] },
    );

    await run.check(
      "auth.token",
      "the web issues an HS256 JWT for the API",
      async () => {
        aliceToken = await alice.token();
        bobToken = await bob.token();
        const header = JSON.parse(Buffer.from(aliceToken.split(".")[0] ?? "", "base64url").toString()) as {
          alg?: string;
        };
        const c = claims(aliceToken);
        if (header.alg !== "HS256") throw new CheckFailure(`alg is ${header.alg}, expected HS256`);
        if (c.sub !== alice.id) throw new CheckFailure("sub is not the user's id");
        if (c.aud !== "todo-api") throw new CheckFailure(`aud is ${String(c.aud)}, expected todo-api`);
        if (c.iss !== new URL(target.webUrl).origin) {
          throw new CheckFailure(
            `iss is ${String(c.iss)}, expected ${new URL(target.webUrl).origin}`,
            "set BETTER_AUTH_URL to the web's public origin",
          );
        }
        const extra = Object.keys(c).filter((k) => !["sub", "iss", "aud", "iat", "exp", "email", "sid"].includes(k));
        if (extra.length) throw new CheckFailure(`the token carries claims beyond the contract: ${extra.join(", ")}`);
        if (typeof c.sid !== "string" || !c.sid) throw new CheckFailure("the token names no session (sid)");
        const ttl = Number(c.exp) - Number(c.iat);
        if (!(ttl > 0 && ttl <= 900)) throw new CheckFailure(`the token lives ${ttl}s; at most 900s allowed`);
        return `alg HS256, aud todo-api, iss ${String(c.iss)}, lifetime ${ttl}s`;
      },
      { needs: ["auth.sign-up"] },
    );

    await run.check(
      "auth.token-accepted",
      "the API accepts the web's token",
      async () => {
        const res = await api(aliceToken, tasksOf(alice));
        if (res.status === 401) {
          throw new CheckFailure(
            `the API refused a fresh token from the web (${res.headers.get("www-authenticate") ?? "401"})`,
            "BETTER_AUTH_SECRET or BETTER_AUTH_URL differ between the web and the API",
          );
        }
        expectStatus(res, 200, "GET tasks");
        return "GET /api/{sub}/tasks 200 with the web's token";
      },
      { needs: ["auth.token", "api.database"] },
    );

    await liveCheck(run, target, { id: alice.id, token: aliceToken });

    await run.check(
      "tasks.round-trip",
      "create, read, update, complete and list a task",
      async () => {
        const created = await api(aliceToken, tasksOf(alice), {
          method: "POST",
          body: JSON.stringify({ title: "Readiness ✓ 確認" }),
        });
        expectStatus(created, 201, "POST task");
        taskId = (await readJson<Task>(created)).id;
        const path = `${tasksOf(alice)}/${taskId}`;
        expectStatus(await api(aliceToken, path), 200, "GET task");
        const updated = await api(aliceToken, path, {
          method: "PUT",
          body: JSON.stringify({ title: "Readiness updated" }),
        });
        expectStatus(updated, 200, "PUT task");
        const done = await readJson<Task>(
          await api(aliceToken, `${path}/complete`, { method: "PATCH", body: JSON.stringify({ completed: true }) }),
        );
        if (!done.completed || done.title !== "Readiness updated")
          throw new CheckFailure("the task did not keep the update and completion");
        return "POST 201, GET 200, PUT 200, PATCH complete 200";
      },
      { needs: ["auth.token-accepted"] },
    );

    await run.check(
      "tasks.persisted",
      "a second read sees the write",
      async () => {
        const fresh = await alice.token();
        const list = await readJson<Task[]>(await api(fresh, `${tasksOf(alice)}?status=completed`));
        const task = list.find((t) => t.id === taskId);
        if (task?.title !== "Readiness updated")
          throw new CheckFailure("the list read with a new token does not show the written task");
        return "the task is listed, updated and completed, with a newly issued token";
      },
      { needs: ["tasks.round-trip"] },
    );

    await run.check(
      "isolation.cross-user",
      "another user can neither read nor change the task",
      async () => {
        expectStatus(await api(bobToken, tasksOf(alice)), 403, "bob GET alice's list");
        expectStatus(
          await api(bobToken, `${tasksOf(alice)}/${taskId}`, { method: "DELETE" }),
          403,
          "bob DELETE on alice's path",
        );
        const viaOwnPath = `${tasksOf(bob)}/${taskId}`;
        expectStatus(await api(bobToken, viaOwnPath), 404, "bob GET alice's task id");
        expectStatus(
          await api(bobToken, viaOwnPath, { method: "PUT", body: JSON.stringify({ title: "hijacked" }) }),
          404,
          "bob PUT",
        );
        expectStatus(await api(bobToken, viaOwnPath, { method: "DELETE" }), 404, "bob DELETE");
        const bobList = await readJson<Task[]>(await api(bobToken, tasksOf(bob)));
        if (bobList.length !== 0) throw new CheckFailure("bob's list is not empty");
        const still = await readJson<Task>(await api(aliceToken, `${tasksOf(alice)}/${taskId}`));
        if (still.title !== "Readiness updated") throw new CheckFailure("alice's task changed");
        return "403 on alice's path, 404 on her task id, alice's task unchanged";
      },
      { needs: ["tasks.round-trip"] },
    );

    await run.check(
      "auth.tampered-refused",
      "tampered and unsigned tokens are refused",
      async () => {
        const [h, , s] = aliceToken.split(".");
        const forged = `${h}.${b64({ ...claims(aliceToken), sub: bob.id })}.${s}`;
        expectStatus(await api(forged, tasksOf(bob)), 401, "token with a changed sub");
        const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims(aliceToken))}.`;
        expectStatus(await api(unsigned, tasksOf(alice)), 401, "alg none token");
        // Flip one character in the middle of the signature (the last ones may only be padding bits).
        const mid = Math.floor((s?.length ?? 0) / 2);
        const flipped = `${h}.${aliceToken.split(".")[1]}.${s?.slice(0, mid)}${s?.[mid] === "A" ? "B" : "A"}${s?.slice(mid + 1)}`;
        expectStatus(await api(flipped, tasksOf(alice)), 401, "token with a broken signature");
        return "changed sub, alg none and broken signature: 401";
      },
      { needs: ["auth.token-accepted"] },
    );

    await run.check(
      "tasks.delete",
      "delete removes the task",
      async () => {
        const path = `${tasksOf(alice)}/${taskId}`;
        expectStatus(await api(aliceToken, path, { method: "DELETE" }), 204, "DELETE task");
        expectStatus(await api(aliceToken, path), 404, "GET deleted task");
        return "DELETE 204, then GET 404";
      },
      { needs: ["tasks.round-trip"] },
    );

    await run.check(
      "auth.sign-out-revokes",
      "signing out ends API access within 5 s",
      async () => {
        const token = await alice.token();
        expectStatus(await api(token, tasksOf(alice)), 200, "GET tasks before sign-out");
        await alice.signOut();
        const ms = await refusedWithin(() => api(token, tasksOf(alice)), 5_000);
        if (ms === undefined) throw new CheckFailure("the API still accepts the token 5 s after sign-out");
        await alice.signIn(); // the cleanup deletes the account through a session
        return `the signed-out session's token is refused after ${ms} ms`;
      },
      { needs: ["auth.token-accepted"] },
    );
  } finally {
    await run.check("cleanup", "throwaway users and their tasks are removed", async () => {
      const removed: string[] = [];
      for (const user of [alice, bob]) {
        if (!user.id) continue;
        const res = await user.delete();
        if (res.status !== 200)
          throw new CheckFailure(
            `deleting ${user.email} answered ${res.status}`,
            "enable user deletion in Better Auth (user.deleteUser.enabled)",
          );
        removed.push(user.email);
      }
      if (aliceToken && alice.id) {
        // The deleted user's still-unexpired token must stop working within seconds (contract 3b).
        if ((await refusedWithin(() => api(aliceToken, tasksOf(alice)), 5_000)) === undefined)
          throw new CheckFailure("a deleted user's token still works 5 s later");
      }
      return removed.length ? `deleted ${removed.length} users; their tokens are refused` : "nothing was created";
    });
  }
}
