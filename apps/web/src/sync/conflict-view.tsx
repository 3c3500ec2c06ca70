"use client";
import type { Task, TaskListInfo } from "../tasks/model";
import { conflictTasks, type Pending } from "./ops";
import { bulkFields } from "./overlay";

const FIELDS: [keyof Task, string][] = [
  ["title", "Title"],
  ["description", "Note"],
  ["completed", "Done"],
  ["due_date", "Due date"],
  ["due_time", "Time"],
  ["priority", "Priority"],
  ["labels", "Labels"],
  ["list_id", "List"],
];

function show(task: Task | null, field: keyof Task, listName: (id: string | null) => string): string {
  if (!task) return "(deleted)";
  const value = task[field];
  if (field === "list_id") return listName(value as string | null);
  if (field === "completed") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : "—";
  return value === null || value === "" ? "—" : String(value);
}

/** What the person's change would make of the task (the "yours" column). */
function yoursOf(entry: Pending): Task | null {
  if (entry.op === "delete") return null;
  if (entry.op === "create") return entry.draft;
  const before = entry.before as Task | null;
  if (!before || !("body" in entry)) return before;
  return { ...before, ...entry.body } as Task;
}

type Row = [label: string, yours: string, theirs: string];

/** The rows to compare: a task's fields, a list's name, or each task of a bulk change. */
function rowsOf(entry: Pending, listName: (id: string | null) => string): { title: string; rows: Row[] } {
  if (entry.op === "list-update" || entry.op === "list-delete") {
    const theirs = entry.conflict as TaskListInfo | null;
    const yours = entry.op === "list-delete" ? "(deleted)" : entry.body.name;
    return { title: theirs?.name ?? "this list", rows: [["List name", yours, theirs?.name ?? "(deleted)"]] };
  }
  if (entry.op === "bulk") {
    const now = new Map(conflictTasks<Task>(entry.conflict).map((t) => [t.id, t]));
    const rows = [...now.values()].flatMap((task): Row[] => {
      const change = bulkFields(task, entry.body);
      const fields =
        entry.body.action === "delete" ? (["title"] as (keyof Task)[]) : (Object.keys(change) as (keyof Task)[]);
      return fields.map((field) => [
        `${task.title}: ${FIELDS.find(([f]) => f === field)?.[1] ?? field}`,
        entry.body.action === "delete" ? "(deleted)" : show({ ...task, ...change } as Task, field, listName),
        show(task, field, listName),
      ]);
    });
    return { title: `${now.size === 1 ? "A task" : `${now.size} tasks`} you changed together`, rows };
  }
  const yours = yoursOf(entry);
  const theirs = (entry.conflict ?? null) as Task | null;
  return {
    title: theirs?.title ?? yours?.title ?? "this task",
    rows: FIELDS.map(([field, label]) => [label, show(yours, field, listName), show(theirs, field, listName)]),
  };
}

/**
 * A change the server refused with 412 (someone else changed it first): both versions side by
 * side, and the person decides. Nothing is sent for what it touches until then.
 */
export function ConflictView({
  entry,
  listName,
  onChoose,
}: {
  entry: Pending;
  listName: (id: string | null) => string;
  onChoose: (choice: "mine" | "theirs") => void;
}) {
  const { title, rows } = rowsOf(entry, listName);
  return (
    <section className="banner banner-warning conflict" role="dialog" aria-label="Conflicting change">
      <div>
        <p className="banner-title">“{title}” was changed somewhere else before your change reached the server.</p>
        <table className="conflict-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Yours</th>
              <th scope="col">On the server</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, mine, server]) => (
              <tr key={label} className={mine === server ? undefined : "conflict-differs"}>
                <th scope="row">{label}</th>
                <td>{mine}</td>
                <td>{server}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="conflict-actions">
        <button type="button" className="button button-primary" onClick={() => onChoose("mine")}>
          Keep mine
        </button>
        <button type="button" className="button button-secondary" onClick={() => onChoose("theirs")}>
          Take theirs
        </button>
      </div>
    </section>
  );
}
