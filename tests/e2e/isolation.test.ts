import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiToken, callApi, createUser } from "./support/users.ts";

const browser = sharedBrowser();

describe("two people, two lists", () => {
  it("a second user sees none of the first user's tasks and cannot reach them", async () => {
    const alice = await createUser("alice", "Alice");
    const bob = await createUser("bob", "Bob");

    const a = await newVisitor(browser(), { user: alice });
    const aliceTasks = taskPage(a.page);
    await aliceTasks.open();
    await aliceTasks.add("Alice's secret plan");
    const aliceToken = await apiToken(alice);
    const [secret] = (await (await callApi(aliceToken, "GET", `/api/${alice.id}/tasks`)).json()) as { id: string }[];
    expect(secret).toBeDefined();

    const b = await newVisitor(browser(), { user: bob });
    const bobTasks = taskPage(b.page);
    await bobTasks.open();
    expect(await bobTasks.rows.count()).toBe(0);
    expect(await b.page.content()).not.toContain("secret plan");

    // By URL: the page only ever shows the signed-in person's list.
    await b.page.goto(`/tasks?user=${alice.id}`);
    await b.page.locator("[aria-busy='false']").waitFor();
    expect(await bobTasks.rows.count()).toBe(0);

    // By API, with Bob's own token: Alice's list is forbidden, her task does not exist.
    const bobToken = await apiToken(bob);
    expect((await callApi(bobToken, "GET", `/api/${alice.id}/tasks`)).status).toBe(403);
    expect((await callApi(bobToken, "GET", `/api/${bob.id}/tasks/${secret?.id}`)).status).toBe(404);
    expect((await callApi(bobToken, "PUT", `/api/${bob.id}/tasks/${secret?.id}`, { title: "mine now" })).status).toBe(
      404,
    );
    expect((await callApi(bobToken, "DELETE", `/api/${bob.id}/tasks/${secret?.id}`)).status).toBe(404);

    // And Alice's task is untouched.
    await a.page.reload();
    await a.page.locator("[aria-busy='false']").waitFor();
    expect(await aliceTasks.titles()).toEqual(["Alice's secret plan"]);
    await a.context.close();
    await b.context.close();
  });
});
