import type { TaskQuery } from "@todo/contract";
import { TaskQuerySchema } from "@todo/contract";
import type { Database } from "@todo/db";
import { type CompiledQuery, Kysely, PostgresDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCursorCodec } from "../../apps/api/src/pages/page-cursor.ts";
import { listTasks } from "../../apps/api/src/tasks/service/list-tasks.ts";
import { createHarness, type TestUser } from "./helpers/harness.ts";
import { seedTasks } from "./helpers/seed.ts";
import { TEST_SECRET } from "./helpers/tokens.ts";

/**
 * Contract 6.4: "the cost of a page does not grow with the number of tasks". With 100,000
 * tasks for one user, the first page of every sort (and the day views) must be an index
 * scan that stops at the limit: no Sort node over the user's rows.
 */
const h = createHarness();
let user: TestUser;
const captured: CompiledQuery[] = [];
// The service's own SQL, captured through Kysely's log hook on the same pool.
const spy = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: h.database.pool }),
  log: (event) => {
    if (event.level === "query") captured.push(event.query);
  },
});
const cursors = createCursorCodec(TEST_SECRET);

interface PlanNode {
  "Node Type": string;
  "Parent Relationship"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}
// The main plan only: the per-row labels subquery (a SubPlan) may sort a task's own labels
// (PostgreSQL 16+ plans a Sort for an ordered aggregate), which is not a sort of the user's rows.
const nodes = (n: PlanNode): PlanNode[] => [
  n,
  ...(n.Plans ?? []).filter((c) => c["Parent Relationship"] !== "SubPlan").flatMap(nodes),
];

async function pageQuery(params: Record<string, string>, owner: TestUser = user) {
  captured.length = 0;
  const query = TaskQuerySchema.parse(params) as TaskQuery;
  await listTasks(spy, { userId: owner.id, query, cursors });
  const page = captured.find((q) => q.sql.includes("page_key"));
  if (!page) throw new Error("page query not captured");
  return page;
}

const planNodes = (rows: unknown[]) => nodes((rows[0] as { "QUERY PLAN": [{ Plan: PlanNode }] })["QUERY PLAN"][0].Plan);

async function planOf(params: Record<string, string>) {
  const page = await pageQuery(params);
  const { rows } = await h.database.pool.query(`explain (format json) ${page.sql}`, page.parameters as unknown[]);
  return planNodes(rows);
}

const asText = (value: unknown): string => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map((v) => `"${asText(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  return String(value);
};

/**
 * The plan the API's prepared statement (ADR 0079) runs for `owner`: the page query prepared by
 * name and executed six times, as the API would after its sixth request, then explained through
 * EXECUTE. With `plan_cache_mode` forced to generic, this is the parameter-blind plan PostgreSQL
 * may switch to after five runs; on `auto`, the one it has actually chosen by then.
 */
async function preparedPlanOf(params: Record<string, string>, owner: TestUser, mode: "force_generic_plan" | "auto") {
  const page = await pageQuery(params, owner);
  const values = page.parameters as unknown[];
  const client = await h.database.pool.connect();
  try {
    await client.query(`set plan_cache_mode = ${mode}`);
    for (let run = 0; run < 6; run++) await client.query({ name: "index_plans_page", text: page.sql, values });
    // EXECUTE takes its arguments as SQL text: untyped literals, cast to the statement's own types.
    const args = values.map((v) => (v === null || v === undefined ? "null" : client.escapeLiteral(asText(v))));
    const { rows } = await client.query(`explain (format json) execute index_plans_page(${args.join(", ")})`);
    return planNodes(rows);
  } finally {
    await client.query("deallocate all; reset plan_cache_mode");
    // pg remembers the statement per connection; the server forgot it: this connection must not be reused.
    client.release(true);
  }
}

let few: TestUser;

beforeAll(async () => {
  few = await h.createUser();
  await seedTasks(h.database.pool, few.id, 20);
  user = await h.createUser();
  await seedTasks(h.database.pool, user.id, 100_000);
  // Other users' rows around them, as in a real database.
  const other = await h.createUser();
  await seedTasks(h.database.pool, other.id, 5_000);
}, 120_000);
afterAll(() => h.close());

const CASES: [Record<string, string>, string | RegExp][] = [
  [{ sort: "created" }, "task_created_idx"],
  [{ sort: "updated" }, "task_updated_idx"],
  [{ sort: "due" }, "task_due_idx"],
  [{ sort: "priority" }, "task_priority_idx"],
  [{ sort: "title" }, "task_title_idx"],
  [{ sort: "manual" }, "task_manual_idx"],
  [{ sort: "created", status: "pending" }, "task_created_idx"],
  [{ sort: "due", due: "today" }, "task_due_idx"],
  [{ sort: "due", due: "upcoming", status: "pending" }, "task_due_idx"],
  [{ sort: "due", due: "overdue" }, "task_due_idx"],
  // Every seeded task is in the Inbox, so either manual-order index is a range scan here.
  [{ sort: "manual", list_id: "inbox" }, /^task_(list|manual)_idx$/],
];

function expectIndexedPage(plan: PlanNode[], index: string | RegExp) {
  expect(plan[0]?.["Node Type"]).toBe("Limit");
  expect(plan.map((n) => n["Node Type"])).not.toContain("Sort");
  expect(plan.map((n) => n["Node Type"])).not.toContain("Seq Scan");
  const used = plan.map((n) => n["Index Name"]).filter(Boolean) as string[];
  expect(
    used.some((name) => (typeof index === "string" ? name === index : index.test(name))),
    used.join(),
  ).toBe(true);
}

describe("indexes serve the first page at 100,000 tasks", () => {
  it.each(CASES)("%j uses %s with no Sort", async (params, index) => {
    expectIndexedPage(await planOf(params), index);
  });
});

describe("the API's prepared statements keep those plans (ADR 0079)", () => {
  it.each(CASES)("%j: the generic plan uses %s with no Sort, at 100,000 tasks and at 20", async (params, index) => {
    expectIndexedPage(await preparedPlanOf(params, user, "force_generic_plan"), index);
    expectIndexedPage(await preparedPlanOf(params, few, "force_generic_plan"), index);
  });

  it.each(CASES)("%j: after six runs PostgreSQL's own choice at 100,000 tasks uses %s", async (params, index) => {
    expectIndexedPage(await preparedPlanOf(params, user, "auto"), index);
  });
});
