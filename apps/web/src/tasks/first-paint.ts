import type { Page } from "./api-client";
import type { LabelInfo, Task, TaskListInfo } from "./model";

/** A view's first page as the server fetched it while rendering (ADR 0137). */
export interface FirstPage {
  /** The API query it answers; used only when the browser would ask exactly this. */
  query: string;
  page: Page<Task>;
  /** When the server had it: the cache counts its age from then. */
  at: number;
}

/** The sidebar's lists and labels as the server fetched them. */
export interface FirstLists {
  lists: TaskListInfo[];
  labels: LabelInfo[];
  at: number;
  /** The change feed's cursor read before these and the first page (ADR 0153). */
  cursor?: string;
}
