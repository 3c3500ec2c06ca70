import { beforeAll, describe, expect, it } from "vitest";
import { apiToken, callApi, createUser, type TestUser } from "../e2e/support/users.ts";

interface Task {
  id: string;
  title: string;
  description: string | null;
  completed: boolean;
  updated_at: string;
}

/** Two people created through Better Auth; every endpoint and method tried across them. */
describe("isolation between two real users", () => {
  let alice: TestUser;
  let bob: TestUser;
  let aliceToken: string;
  let bobToken: string;
  let task: Task;

  beforeAll(async () => {
    [alice, bob] = [await createUser("iso-alice"), await createUser("iso-bob")];
    [aliceToken, bobToken] = [await apiToken(alice), await apiToken(bob)];
    const created = await callApi(aliceToken, "POST", `/api/${alice.id}/tasks`, {
      title: "Alice's secret plan",
      description: "private",
    });
    expect(created.status).toBe(201);
    task = (await created.json()) as Task;
  });

  const aliceTask = async () =>
    (await (await callApi(aliceToken, "GET", `/api/${alice.id}/tasks/${task.id}`)).json()) as Task;

  const onAlicesPath = [
    ["GET", "/tasks", undefined],
    ["POST", "/tasks", { title: "planted" }],
    ["GET", "/tasks/:id", undefined],
    ["PUT", "/tasks/:id", { title: "hijacked" }],
    ["DELETE", "/tasks/:id", undefined],
    ["PATCH", "/tasks/:id/complete", undefined],
    ["PATCH", "/tasks/:id/complete", { completed: true }],
  ] as const;

  for (const [method, path, body] of onAlicesPath) {
    it(`${method} ${path} on Alice's path with Bob's token is 403`, async () => {
      const response = await callApi(bobToken, method, `/api/${alice.id}${path.replace(":id", task.id)}`, body);
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    });
  }

  const onBobsPath = [
    ["GET", "/tasks/:id", undefined],
    ["PUT", "/tasks/:id", { title: "hijacked", completed: true }],
    ["PATCH", "/tasks/:id/complete", undefined],
    ["PATCH", "/tasks/:id/complete", { completed: true }],
    ["DELETE", "/tasks/:id", undefined],
  ] as const;

  for (const [method, path, body] of onBobsPath) {
    it(`${method} ${path} with Alice's task id under Bob's own path is 404`, async () => {
      const response = await callApi(bobToken, method, `/api/${bob.id}${path.replace(":id", task.id)}`, body);
      expect(response.status).toBe(404);
      // Same answer as for an id that never existed: nothing tells Bob the task is real.
      const never = await callApi(bobToken, method, `/api/${bob.id}${path.replace(":id", crypto.randomUUID())}`, body);
      expect(never.status).toBe(404);
      expect(((await response.json()) as { detail: string }).detail).toBe(
        ((await never.json()) as { detail: string }).detail,
      );
    });
  }

  it("leaves Alice's task exactly as it was and Bob's list empty", async () => {
    const now = await aliceTask();
    expect(now).toEqual(task);
    const bobList = (await (await callApi(bobToken, "GET", `/api/${bob.id}/tasks`)).json()) as Task[];
    expect(bobList).toEqual([]);
    const aliceList = (await (await callApi(aliceToken, "GET", `/api/${alice.id}/tasks`)).json()) as Task[];
    expect(aliceList.map((t) => t.title)).toEqual(["Alice's secret plan"]);
  });
});
