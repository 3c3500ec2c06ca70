import type { List } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { readLists } from "./list-store.ts";

export const listLists = (db: Kysely<Database>, { userId }: { userId: string }): Promise<List[]> =>
  readLists(db, { userId });
