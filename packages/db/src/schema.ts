import type { ColumnType, Generated } from "kysely";

/** Kysely's view of the tables the API reads and writes. */
export interface TaskTable {
  id: Generated<string>;
  user_id: string;
  title: string;
  description: string | null;
  completed: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date | string>;
}

/** Only the columns the API needs of Better Auth's table: it never writes users. */
export interface UserTable {
  id: string;
  email: string;
}

/** Better Auth's sessions, read (never written) so a signed-out session's tokens stop working. */
export interface SessionTable {
  id: string;
  userId: string;
  expiresAt: Date;
}

export interface Database {
  task: TaskTable;
  user: UserTable;
  session: SessionTable;
}
