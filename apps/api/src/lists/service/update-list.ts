import { isUuid, type List, type ListUpdate } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { assertVersion } from "../../sync/preconditions.ts";
import { getList } from "./get-list.ts";
import { listNotFound, writeList } from "./list-store.ts";

/** PUT: `name`, `color`; fields not sent stay as they were. */
export async function updateList(
  db: Kysely<Database>,
  { userId, id, input, versions }: { userId: string; id: string; input: ListUpdate; versions?: number[] },
): Promise<List> {
  if (!isUuid(id)) throw listNotFound();
  // Nothing to change: no write, but a stale If-Match is still 412.
  if (Object.keys(input).length === 0) return assertVersion(await getList(db, { userId, id }), versions);
  await writeList(db, { userId, id, versions }, input);
  return getList(db, { userId, id });
}
