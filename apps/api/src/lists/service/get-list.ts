import { isUuid, type List } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { listNotFound, readLists } from "./list-store.ts";

export async function getList(db: Kysely<Database>, { userId, id }: { userId: string; id: string }): Promise<List> {
  if (!isUuid(id)) throw listNotFound();
  const [list] = await readLists(db, { userId, ids: [id] });
  if (!list) throw listNotFound();
  return list;
}
