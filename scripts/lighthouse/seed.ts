import { apiAs, authPost, cookieHeader, createUser } from "../../tests/e2e/support/users.ts";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A new account with `count` varied tasks (dates, priorities, labels, notes); its cookie header. */
export async function seedTasks(count: number): Promise<string> {
  const user = await createUser("lighthouse");
  // As an account made in the browser does (contract 10): the server renders its rows (ADR 0137).
  const zone = await authPost("/update-user", { timeZone: "Europe/Paris" }, { cookie: cookieHeader(user) });
  if (!zone.ok) throw new Error(`setting the time zone failed: ${zone.status}`);
  const api = await apiAs(user);
  const tasks = Array.from({ length: count }, (_, i) => ({
    title: `Task ${i + 1}: ${["Call the bank", "Buy groceries", "Review the draft", "Book a table"][i % 4]}`,
    ...(i % 3 === 0 ? { due_date: day((i % 20) - 5) } : {}),
    ...(i % 5 === 0 ? { description: "A short note that spans a line of the row." } : {}),
    priority: (i % 4) + 1,
    labels: i % 2 === 0 ? ["errands"] : [],
  }));
  await api.createTasks(tasks, 10);
  return cookieHeader(user);
}
