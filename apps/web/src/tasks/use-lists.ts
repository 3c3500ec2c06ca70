"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { PendingOp } from "../sync/ops";
import type { Result } from "../sync/outbox";
import { withPendingLists } from "../sync/overlay";
import type { TaskListInfo } from "./model";
import { keys } from "./task-cache";
import { useTaskStore } from "./task-provider";

export const isDraftList = (list: Pick<TaskListInfo, "id">) => list.id.startsWith("unsaved-");

/** The person's lists, with the list changes still waiting to be sent shown on top (ADR 0141). */
export function useLists(): { data: TaskListInfo[] | undefined } {
  const { api, sync } = useTaskStore();
  const lists = useQuery({ queryKey: keys.lists, queryFn: () => api.lists() });
  const data = useMemo(
    () => (lists.data ? withPendingLists(lists.data, sync.entries) : undefined),
    [lists.data, sync.entries],
  );
  return { data };
}

/** The answer to a queued list change; a refusal is thrown, for the form to show. */
const settled = (result: Result) => {
  if (result.status === "refused") throw result.error;
  return result;
};

/** New, rename and delete of a list go through the same queue as task changes (kept offline, If-Match). */
export function useListActions() {
  const { outbox } = useTaskStore();
  const submit = useCallback(
    (list: TaskListInfo, op: PendingOp) =>
      outbox
        .submit({
          ...op,
          key: crypto.randomUUID(),
          taskId: list.id,
          base: isDraftList(list) ? null : list.version,
          before: list,
        })
        .then(settled),
    [outbox],
  );
  return useMemo(
    () => ({
      /** Resolves with the saved list, or null while it waits for the server. */
      create: async (name: string): Promise<TaskListInfo | null> => {
        const now = new Date().toISOString();
        const draft: TaskListInfo = {
          id: `unsaved-${crypto.randomUUID()}`,
          name,
          color: null,
          position: "",
          open_count: 0,
          version: 0,
          created_at: now,
          updated_at: now,
        };
        const result = await submit(draft, { op: "list-create", body: { name }, draft });
        return result.status === "sent" ? (result.answer as TaskListInfo) : null;
      },
      rename: (list: TaskListInfo, name: string) => submit(list, { op: "list-update", body: { name } }),
      remove: (list: TaskListInfo) => submit(list, { op: "list-delete" }),
    }),
    [submit],
  );
}
