"use client";
import { useQuery } from "@tanstack/react-query";
import { ListNameSchema } from "@todo/contract";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { keys, refreshAll } from "./task-cache";
import { useTaskStore } from "./task-provider";
import type { View } from "./view";

const TITLES = { inbox: "Inbox", today: "Today", upcoming: "Upcoming", trash: "Trash" } as const;

/** The view's name; for a list, Rename and Delete (its tasks move to the Inbox). */
export function ViewHeader({ view }: { view: View }) {
  const { api, client, fail } = useTaskStore();
  const router = useRouter();
  const lists = useQuery({ queryKey: keys.lists, queryFn: () => api.lists() });
  const list = view.kind === "list" ? lists.data?.find((l) => l.id === view.id) : undefined;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  const title =
    view.kind === "list"
      ? (list?.name ?? (lists.data ? "List not found" : "\u00a0"))
      : view.kind === "label"
        ? `@${view.name}`
        : TITLES[view.kind];

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!list) return;
    const parsed = ListNameSchema.safeParse(name);
    if (!parsed.success) return setError(`The name ${parsed.error.issues[0]?.message ?? "is not valid"}.`);
    try {
      await api.renameList(list.id, parsed.data);
      await refreshAll(client);
      setRenaming(false);
      setError(null);
    } catch (e) {
      setError(fail(e));
    }
  };

  const remove = async () => {
    if (!list) return;
    try {
      await api.deleteList(list.id);
      await refreshAll(client);
      router.push("/tasks");
    } catch (e) {
      setError(fail(e));
    }
  };

  return (
    <header className="view-header">
      {renaming && list ? (
        <form className="rename-form" onSubmit={rename} noValidate>
          <label htmlFor="list-rename" className="visually-hidden">
            List name
          </label>
          <input
            id="list-rename"
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
      {list && !renaming ? (
        <div className="view-actions">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setName(list.name);
              setRenaming(true);
            }}
          >
            Rename list
          </button>
          <button type="button" className="button button-quiet" onClick={remove}>
            Delete list
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
