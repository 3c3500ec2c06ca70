import { isUuid, type List, type ListUpdate } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { getList } from "./get-list.ts";
import { listNotFound, writeList } from "./list-store.ts";

/** PUT: `name`, `color`; fields not sent stay as they were. */
export async function updateList(
  db: Kysely<Database>,
  { userId, id, input }: { userId: string; id: string; input: ListUpdate },
): Promise<List> {
  if (!isUuid(id)) throw listNotFound();
  if (Object.keys(input).length > 0) await writeList(db, { userId, id }, input);
  return getList(db, { userId, id });
}
