import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { apiToken, authPost, callApi, cookieHeader, createUser } from "../e2e/support/users.ts";

async function rowsFor(userId: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql, [userId])).rows[0]?.n);
    return {
      users: await count(`select count(*) as n from "user" where id = $1`),
      tasks: await count(`select count(*) as n from "task" where user_id = $1`),
      sessions: await count(`select count(*) as n from "session" where "userId" = $1`),
    };
  } finally {
    await client.end();
  }
}

describe("deleting an account", () => {
  it("removes the user's tasks and sessions, and their unexpired token stops working", async () => {
    const user = await createUser("deleted");
    const token = await apiToken(user);
    for (const title of ["one", "two", "three"]) {
      expect((await callApi(token, "POST", `/api/${user.id}/tasks`, { title })).status).toBe(201);
    }
    const survivor = await createUser("survivor");
    const survivorToken = await apiToken(survivor);
    expect((await callApi(survivorToken, "POST", `/api/${survivor.id}/tasks`, { title: "stays" })).status).toBe(201);
    expect(await rowsFor(user.id)).toMatchObject({ users: 1, tasks: 3 });

    const response = await authPost("/delete-user", { password: user.password }, { cookie: cookieHeader(user) });
    expect(response.status).toBe(200);

    expect(await rowsFor(user.id)).toEqual({ users: 0, tasks: 0, sessions: 0 });
    // The API trusts a confirmed session for 2 s at most (contract 3b: within 5 s).
    await expect
      .poll(async () => (await callApi(token, "GET", `/api/${user.id}/tasks`)).status, {
        timeout: 5_000,
        interval: 200,
      })
      .toBe(401);
    // Nobody else's data went with it.
    expect(await rowsFor(survivor.id)).toMatchObject({ users: 1, tasks: 1 });
  });

  it("needs the account's password", async () => {
    const user = await createUser("delete-guarded");
    const response = await authPost("/delete-user", { password: "not-the-password" }, { cookie: cookieHeader(user) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect((await rowsFor(user.id)).users).toBe(1);
  });
});
