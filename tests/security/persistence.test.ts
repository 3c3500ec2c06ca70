import { describe, expect, inject, it } from "vitest";
import { apiToken, callApi, cookieHeader, createUser } from "../e2e/support/users.ts";

const control = (path: string) => fetch(`${inject("controlUrl")}${path}`, { method: "POST" });

describe("persistence across restarts", () => {
  it("tasks and sessions survive a restart of the web and of the API", async () => {
    const user = await createUser("persist");
    const created = await callApi(await apiToken(user), "POST", `/api/${user.id}/tasks`, {
      title: "Survive restarts ☂",
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    expect((await control("/web/restart")).status).toBe(204);
    // The same session cookie still works after the web restarted: sessions live in PostgreSQL.
    const session = await fetch(`${inject("webUrl")}/api/auth/get-session`, {
      headers: { cookie: cookieHeader(user) },
    });
    expect(((await session.json()) as { user?: { id: string } }).user?.id).toBe(user.id);
    const token = await apiToken(user);

    expect((await control("/api/stop")).status).toBe(204);
    expect((await control("/api/start")).status).toBe(204);
    const read = await callApi(token, "GET", `/api/${user.id}/tasks/${id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { title: string }).title).toBe("Survive restarts ☂");
  });
});
