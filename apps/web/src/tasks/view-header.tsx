"use client";
import { checkText, LABEL_NAME_FIELD, LIST_NAME_FIELD, type TextField } from "@todo/contract/rules";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { refreshAll } from "./task-cache";
import { useTaskStore } from "./task-provider";
import { useListActions, useLists } from "./use-lists";
import { type View, viewPath } from "./view";

const TITLES = { inbox: "Inbox", today: "Today", upcoming: "Upcoming", trash: "Trash" } as const;

/** What a list or label view can rename and delete; null for the fixed views. */
interface Editable {
  noun: "list" | "label";
  name: string;
  rule: TextField;
  rename: (to: string) => Promise<void>;
  /** Where the view lives after a rename. */
  pathFor: (to: string) => string;
  remove: () => Promise<void>;
}

/**
 * The view's name; a list or a label can be renamed and deleted here (a list's
 * tasks move to the Inbox; a label comes off every task, the tasks stay).
 */
export function ViewHeader({ view }: { view: View }) {
  const { api, client, fail } = useTaskStore();
  const router = useRouter();
  const lists = useLists();
  const listActions = useListActions();
  const list = view.kind === "list" ? lists.data?.find((l) => l.id === view.id) : undefined;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  const editable: Editable | null = list
    ? {
        noun: "list",
        name: list.name,
        rule: LIST_NAME_FIELD,
        // Queued (ADR 0141): kept while offline, sent onto the version shown here.
        rename: (to) => listActions.rename(list, to).then(() => undefined),
        pathFor: () => viewPath(view),
        remove: () => listActions.remove(list).then(() => undefined),
      }
    : view.kind === "label"
      ? {
          noun: "label",
          name: view.name,
          rule: LABEL_NAME_FIELD,
          rename: (to) => api.renameLabel(view.name, to),
          pathFor: (to) => viewPath({ kind: "label", name: to }),
          remove: () => api.deleteLabel(view.name),
        }
      : null;

  const title =
    view.kind === "list"
      ? (list?.name ?? (lists.data ? "List not found" : "\u00a0"))
      : view.kind === "label"
        ? `@${view.name}`
        : TITLES[view.kind];

  const act = async (call: () => Promise<void>, next: string) => {
    try {
      await call();
      await refreshAll(client);
      setRenaming(false);
      setError(null);
      if (next !== viewPath(view)) router.push(next);
    } catch (e) {
      setError(fail(e));
    }
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (!editable) return;
    const checked = checkText(editable.rule, name);
    if (!checked.ok) return setError(`The name ${checked.message}.`);
    void act(() => editable.rename(checked.value), editable.pathFor(checked.value));
  };

  return (
    <header className="view-header">
      {renaming && editable ? (
        <form className="rename-form" onSubmit={rename} noValidate>
          <label htmlFor="view-rename" className="visually-hidden">
            {editable.noun === "list" ? "List name" : "Label name"}
          </label>
          <input
            id="view-rename"
            value={name}
            dir="auto"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setRenaming(false)}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to rename.
            autoFocus
          />
          <button type="submit" className="button button-primary">
            Save
          </button>
          <button type="button" className="button button-secondary" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <h1 className="view-title" dir="auto">
          {title}
        </h1>
      )}
      {editable && !renaming ? (
        <div className="view-actions">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setName(editable.name);
              setRenaming(true);
            }}
          >
            Rename {editable.noun}
          </button>
          <button type="button" className="button button-quiet" onClick={() => act(editable.remove, "/tasks")}>
            Delete {editable.noun}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="field-error view-error" role="alert">
          {error}
        </p>
      ) : null}
    </header>
  );
}
