"use client";
import type { Task } from "../tasks/model";
import type { Pending } from "./outbox";
import { yoursOf } from "./overlay";

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

/**
 * A change the server refused with 412 (someone else changed the task first): both versions
 * field by field, and the person decides. Nothing is sent for this task until then.
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
  const yours = yoursOf(entry);
  const theirs = entry.conflict ?? null;
  const title = theirs?.title ?? yours?.title ?? "this task";
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
            {FIELDS.map(([field, label]) => {
              const mine = show(yours, field, listName);
              const server = show(theirs, field, listName);
              return (
                <tr key={field} className={mine === server ? undefined : "conflict-differs"}>
                  <th scope="row">{label}</th>
                  <td>{mine}</td>
                  <td>{server}</td>
                </tr>
              );
            })}
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
