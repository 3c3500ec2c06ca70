import {
  EXPORT_CSV_COLUMNS,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportFormat,
  type List,
  type Task,
} from "@todo/contract";
import { stringify } from "csv-stringify/sync";
import type pg from "pg";
import { exportLists, exportTasks } from "./export-rows.ts";
import { type Db, openSnapshot, type Snapshot } from "./snapshot.ts";

/** One CSV row per task, with the contract's columns (labels space-separated). */
const csvRow = (task: Task, listNames: Map<string, string>) => [
  task.title,
  task.description ?? "",
  task.completed ? "true" : "false",
  task.list_id ? (listNames.get(task.list_id) ?? "") : "",
  task.labels.join(" "),
  String(task.priority),
  task.due_date ?? "",
  task.due_time ?? "",
  task.recurrence ?? "",
  task.created_at,
  task.completed_at ?? "",
];

// RFC 4180: CRLF between records, fields quoted when they need it (csv-stringify's default).
const csv = (rows: string[][]) => stringify(rows, { record_delimiter: "windows" });

/** The file, piece by piece: the head (with the lists), then one piece per batch of tasks. */
async function* pieces(db: Db, snapshot: Snapshot, userId: string, lists: List[], format: ExportFormat) {
  try {
    if (format === "csv") {
      const names = new Map(lists.map((l) => [l.id, l.name]));
      yield csv([[...EXPORT_CSV_COLUMNS]]);
      for await (const batch of exportTasks(db, snapshot, userId, lists)) yield csv(batch.map((t) => csvRow(t, names)));
      return;
    }
    const head = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported_at: new Date().toISOString(), lists };
    yield `${JSON.stringify(head).slice(0, -1)},"tasks":[`;
    let first = true;
    for await (const batch of exportTasks(db, snapshot, userId, lists)) {
      yield `${first ? "" : ","}${batch.map((t) => JSON.stringify(t)).join(",")}`;
      first = false;
    }
    yield "]}\n";
  } finally {
    await snapshot.close();
  }
}

/**
 * The export as a byte stream that reads the next batch only when the client has taken the
 * last one (pull), so a 100,000-task account never sits in memory. The snapshot and the lists
 * are read before the answer starts, so a database that is down is a 503, not a cut-off file;
 * a client that hangs up cancels the stream, which closes the snapshot and returns its connection.
 */
export async function exportStream(
  db: Db,
  pool: pg.Pool,
  userId: string,
  format: ExportFormat,
): Promise<ReadableStream<Uint8Array>> {
  const snapshot = await openSnapshot(pool);
  let lists: List[];
  try {
    lists = await exportLists(db, snapshot, userId);
  } catch (error) {
    await snapshot.close();
    throw error;
  }
  const source = pieces(db, snapshot, userId, lists, format);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await source.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        // A generator that never started runs no `finally`: close the snapshot here too.
        await source.return(undefined);
        await snapshot.close();
      },
    },
    { highWaterMark: 0 },
  );
}
