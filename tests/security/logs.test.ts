import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { apiToken, authPost, callApi, cookieHeader, createUser } from "../e2e/support/users.ts";

const logDir = inject("logDir");
const readLogs = () =>
  readdirSync(logDir)
    .filter((f) => f.endsWith(".log"))
    .map((f) => readFileSync(join(logDir, f), "utf8"))
    .join("\n");

describe("logs", () => {
  it("never contain the secret, a password, a session cookie or a token", async () => {
    const user = await createUser("logs");
    const signIn = await authPost("/sign-in/email", { email: user.email, password: user.password });
    expect(signIn.status).toBe(200);
    await authPost("/sign-in/email", { email: user.email, password: `${user.password}-wrong` });
    const token = await apiToken(user);
    expect((await callApi(token, "POST", `/api/${user.id}/tasks`, { title: "logged?" })).status).toBe(201);
    expect((await callApi(`${token}tampered`, "GET", `/api/${user.id}/tasks`)).status).toBe(401);
    await authPost("/sign-out", {}, { cookie: cookieHeader(user) });
    await new Promise((r) => setTimeout(r, 500)); // let the services flush their output

    const logs = readLogs();
    // The logs are real and cover these requests, so the absence below means something.
    expect(logs).toMatch(new RegExp(`"path":"/api/${user.id}/tasks","status":201`));
    expect(logs).toMatch(/"status":401/);
    for (const [what, value] of [
      ["the shared secret", inject("authSecret")],
      ["the password", user.password],
      ["the API token", token],
      ["the token's signature", token.split(".")[2] ?? "unreachable"],
      ["the session cookie", decodeURIComponent(user.cookie.value).split(".")[0] ?? "unreachable"],
    ] as const) {
      expect(logs.includes(value), `${what} appears in the logs`).toBe(false);
    }
    expect(logs).not.toMatch(/authorization/i);
  });
});
