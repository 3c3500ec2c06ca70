/** The shapes the web works with, all from the shared contract (sections 6.1 to 6.5). */
import type { Label, List, TaskSort, TrashItem } from "@todo/contract";

export type { Task } from "@todo/contract";
export type TaskListInfo = List;
export type LabelInfo = Label;
export type TrashedTask = TrashItem;
export type Sort = TaskSort;
export const SORTS: readonly Sort[] = ["created", "updated", "due", "priority", "title", "manual"];
