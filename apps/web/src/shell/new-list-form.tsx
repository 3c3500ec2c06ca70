"use client";
import { checkText, LIST_NAME_FIELD } from "@todo/contract/rules";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Plus } from "@/components/icons";
import { refreshAll } from "@/tasks/task-cache";
import { useTaskStore } from "@/tasks/task-provider";
import { useListActions } from "@/tasks/use-lists";
import { viewPath } from "@/tasks/view";

/** "New list": a name, Enter, and the new list opens. */
export function NewListForm() {
  const { client, fail } = useTaskStore();
  const lists = useListActions();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkText(LIST_NAME_FIELD, name);
    if (!checked.ok) {
      setError(`The name ${checked.message}.`);
      return;
    }
    try {
      // Queued like every change: offline it waits in the sidebar, and its page opens once saved.
      const list = await lists.create(checked.value);
      setName("");
      setOpen(false);
      setError(null);
      if (list) {
        await refreshAll(client);
        router.push(viewPath({ kind: "list", id: list.id }));
      }
    } catch (e) {
      setError(fail(e));
    }
  };

  if (!open) {
    return (
      <button type="button" className="nav-add" onClick={() => setOpen(true)}>
        <Plus />
        New list
      </button>
    );
  }
  return (
    <form className="nav-form" onSubmit={submit} noValidate>
      <label htmlFor={id} className="visually-hidden">
        List name
      </label>
      <input
        id={id}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setOpen(false);
            setError(null);
          }
        }}
        placeholder="List name"
        dir="auto"
        // biome-ignore lint/a11y/noAutofocus: the person just asked for a new list.
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" className="button button-primary">
        Add list
      </button>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
