import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();
const ZONE = "America/New_York";
const EXAMPLE = "Pay rent every month on the 1st p1 #Home @bills";

type Task = {
  id: string;
  title: string;
  due_date: string | null;
  priority: number;
  labels: string[];
  list_id: string | null;
  recurrence: string | null;
};

async function signedIn(label: string) {
  const user = await createUser(label);
  const api = await apiAs(user);
  const home = await api.post<{ id: string }>("/lists", { name: "Home" });
  const { context, page } = await newVisitor(browser(), { user, timeZone: ZONE });
  const t = taskPage(page);
  await t.open();
  const marks = () =>
    page
      .locator(".quick-backdrop mark")
      .evaluateAll((nodes) => nodes.map((n) => `${n.className.replace(/^quick-mark part-/, "")}:${n.textContent}`));
  const chips = page.getByRole("list", { name: "Recognised parts" }).getByRole("listitem");
  return { api, home, context, page, t, marks, chips };
}

describe("the add field", () => {
  it("highlights each recognised part as it is typed and lists it as a chip", async () => {
    const { context, page, t, marks, chips } = await signedIn("qa-highlight");
    await t.input.pressSequentially("Call mom tomorrow");
    await expect.poll(marks).toEqual(["date:tomorrow"]);
    await expect.poll(() => chips.allTextContents()).toEqual(["DueTomorrow×"]);
    await t.input.pressSequentially(" 5pm p2 @family");
    await expect.poll(marks).toEqual(["date:tomorrow", "time:5pm", "priority:p2", "label:@family"]);
    await expect
      .poll(() => chips.allTextContents())
      .toEqual(["DueTomorrow×", "At17:00×", "PriorityP2×", "Label@family×"]);
    // The field is still one labelled text box holding exactly what was typed.
    expect(await page.getByRole("textbox", { name: "New task" }).inputValue()).toBe("Call mom tomorrow 5pm p2 @family");
    // Escape clears the line and its chips.
    await t.input.press("Escape");
    expect(await t.input.inputValue()).toBe("");
    await expect.poll(() => chips.count()).toBe(0);
    await context.close();
  });

  it("Backspace right after a highlight keeps it as text, and the task is saved that way", async () => {
    const { api, context, t, marks, chips } = await signedIn("qa-backspace");
    await t.input.pressSequentially("Read tomorrow");
    await expect.poll(marks).toEqual(["date:tomorrow"]);
    await t.input.press("Backspace");
    await expect.poll(marks).toEqual([]);
    expect(await t.input.inputValue()).toBe("Read tomorrow");
    // The next Backspace deletes as usual; the kept words stay kept while typing on.
    await t.input.press("Backspace");
    await t.input.pressSequentially("w p3");
    await expect.poll(marks).toEqual(["priority:p3"]);
    await expect.poll(() => chips.count()).toBe(1);
    await t.input.press("Enter");
    await expect.poll(async () => (await api.get<Task[]>("/tasks")).length).toBe(1);
    const [saved] = await api.get<Task[]>("/tasks");
    expect(saved).toMatchObject({ title: "Read tomorrow", due_date: null, priority: 3 });
    await context.close();
  });

  it("a chip's × keeps that part as text", async () => {
    const { api, context, page, t, marks } = await signedIn("qa-chip");
    await t.input.fill("Water plants every weekday @garden");
    await expect.poll(marks).toEqual(["recurrence:every weekday", "label:@garden"]);
    await page.getByRole("button", { name: "Keep “@garden” as text" }).click();
    await expect.poll(marks).toEqual(["recurrence:every weekday"]);
    await t.input.press("Enter");
    await expect.poll(async () => (await api.get<Task[]>("/tasks")).length).toBe(1);
    const [saved] = await api.get<Task[]>("/tasks");
    expect(saved).toMatchObject({
      title: "Water plants @garden",
      labels: [],
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    });
    await context.close();
  });

  it("creates the contract's example as the API parses it, with the rule in words on its row", async () => {
    const { api, home, context, page, t, marks, chips } = await signedIn("qa-example");
    await t.input.fill(EXAMPLE);
    await expect
      .poll(marks)
      .toEqual(["recurrence:every month on the 1st", "priority:p1", "list:#Home", "label:@bills"]);
    const words = await chips.allTextContents();
    expect(words[0]).toMatch(/^RepeatsEvery month on the 1st, from /);
    expect(words.slice(1)).toEqual(["PriorityP1×", "List#Home×", "Label@bills×"]);
    const expected = await api.post<Task>("/tasks/parse", { text: EXAMPLE, tz: ZONE });
    await t.input.press("Enter");
    await expect.poll(async () => (await api.get<Task[]>("/tasks")).length).toBe(1);
    const [saved] = await api.get<Task[]>("/tasks");
    expect(saved).toMatchObject({
      title: "Pay rent",
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
      priority: 1,
      list_id: home.id,
      labels: ["bills"],
      due_date: expected.due_date,
    });
    expect(saved?.due_date?.endsWith("-01")).toBe(true);
    // It was added in the Inbox view, so go to Home to see the row.
    await page.goto(`/tasks/list/${home.id}`);
    await expect
      .poll(() => t.row("Pay rent").locator(".meta-repeat").textContent())
      .toBe("Repeats: Every month on the 1st");
    await context.close();
  });

  it("a line of parts only is refused with a hint, and nothing is created", async () => {
    const { api, context, page, t } = await signedIn("qa-only-parts");
    await t.input.fill("tomorrow p1");
    await t.input.press("Enter");
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "add what the task is" }).count()).toBe(1);
    expect(await t.input.inputValue()).toBe("tomorrow p1");
    expect(await api.get<Task[]>("/tasks")).toEqual([]);
    await context.close();
  });
});
