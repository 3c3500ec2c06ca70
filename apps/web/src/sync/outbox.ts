import type { TaskCreate, TaskUpdate } from "@todo/contract";
import { createStore, get, set } from "idb-keyval";
import type { TaskApi } from "../tasks/api-client";
import { ApiError } from "../tasks/api-error";
import type { Task } from "../tasks/model";

export type PendingOp =
  | { op: "create"; body: TaskCreate; draft: Task; viewKey: string }
  | { op: "update"; body: TaskUpdate }
  | { op: "complete"; body: { completed: boolean } }
  | { op: "delete" };

/** One change the person made, kept until the server has it (contract 9, ADR 0125). */
export type Pending = PendingOp & {
  /** The Idempotency-Key, made when the person acted: a resend is never a second change. */
  key: string;
  /** The task's id; a draft's until its create is answered, then the real one. */
  taskId: string;
  /** The version it was made against (If-Match); null for a create. */
  base: number | null;
  /** The task as the person saw it, for the conflict view. */
  before: Task | null;
  /** Set by a 412: the task as the server has it now. Nothing more is sent for this task until the person chooses. */
  conflict?: Task | null;
};

export type Result =
  | { status: "sent"; task: Task | null }
  | { status: "waiting" }
  | { status: "conflict" }
  | { status: "refused"; error: ApiError };

export interface OutboxHooks {
  sent: (entry: Pending, task: Task | null) => void;
  refused: (entry: Pending, error: ApiError) => void;
}

export interface OutboxState {
  entries: readonly Pending[];
  /** The last send could not reach the API: the entries are waiting. */
  offline: boolean;
}

const at = (id: string) => `/tasks/${encodeURIComponent(id)}`;

/**
 * The write queue: every task change goes through it in order, is stored in IndexedDB before
 * it is sent (so a reload or a crash keeps it), and leaves only once the server answered it.
 */
export class Outbox {
  private state: OutboxState = { entries: [], offline: false };
  private readonly listeners = new Set<() => void>();
  private readonly waiting = new Map<string, (result: Result) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private readonly store = typeof indexedDB === "undefined" ? undefined : createStore("todo-sync", "outbox");
  readonly loaded: Promise<void>;

  constructor(
    private readonly api: TaskApi,
    private readonly userId: string,
    private readonly hooks: OutboxHooks,
  ) {
    this.loaded = this.load();
  }

  snapshot = (): OutboxState => this.state;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(next: Partial<OutboxState>) {
    this.state = { ...this.state, ...next };
    for (const listener of this.listeners) listener();
  }

  private async load() {
    if (!this.store) return;
    const saved = (await get<Pending[]>(this.userId, this.store).catch(() => undefined)) ?? [];
    if (saved.length > 0) this.update({ entries: [...saved, ...this.state.entries], offline: true });
  }

  private save(entries: readonly Pending[]) {
    this.update({ entries });
    return this.store ? set(this.userId, entries, this.store).catch(() => {}) : Promise.resolve();
  }

  /** Queues a change (stored first) and sends the queue; resolves with what became of it. */
  async submit(entry: Pending): Promise<Result> {
    await this.loaded;
    await this.save([...this.state.entries, entry]);
    const result = new Promise<Result>((resolve) => this.waiting.set(entry.key, resolve));
    void this.flush();
    return result;
  }

  private settle(key: string, result: Result) {
    this.waiting.get(key)?.(result);
    this.waiting.delete(key);
  }

  /** Sends what is queued, oldest first; stops at the first "unreachable" and keeps the rest. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      await this.loaded;
      do {
        this.again = false;
        while (await this.sendNext()) {}
      } while (this.again);
      for (const entry of this.state.entries) {
        this.settle(entry.key, entry.conflict !== undefined ? { status: "conflict" } : { status: "waiting" });
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Sends the first entry not held behind a conflict; false when there is nothing (more) to send now. */
  private async sendNext(): Promise<boolean> {
    const held = new Set<string>();
    const entry = this.state.entries.find((e) => {
      if (e.conflict !== undefined) held.add(e.taskId);
      return e.conflict === undefined && !held.has(e.taskId);
    });
    if (!entry) return false;
    let task: Task | null;
    try {
      task = (await this.send(entry)) as Task | null;
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind === "unreachable") {
        this.update({ offline: true });
        return false;
      }
      if (error.kind === "session") return false;
      if (error.status === 412) {
        await this.save(this.replace(entry, { ...entry, conflict: (error.current as Task | undefined) ?? null }));
        this.settle(entry.key, { status: "conflict" });
        return true;
      }
      if (entry.op === "delete" && error.status === 404) {
        task = null; // Already gone elsewhere: what the person wanted.
      } else {
        // Refused for good (400/404/422): drop it, and what was queued on a draft that never existed.
        const dropped = (e: Pending) => e === entry || (entry.op === "create" && e.taskId === entry.taskId);
        await this.save(this.state.entries.filter((e) => !dropped(e)));
        this.settle(entry.key, { status: "refused", error });
        this.hooks.refused(entry, error);
        return true;
      }
    }
    await this.save(this.afterSent(entry, task));
    this.update({ offline: false });
    this.settle(entry.key, { status: "sent", task });
    this.hooks.sent(entry, task);
    return true;
  }

  private send(entry: Pending): Promise<unknown> {
    const headers: Record<string, string> = { "idempotency-key": entry.key };
    if (entry.base !== null) headers["if-match"] = `"v${entry.base}"`;
    switch (entry.op) {
      case "create":
        return this.api.write("POST", "/tasks", entry.body, headers);
      case "update":
        return this.api.write("PUT", at(entry.taskId), entry.body, headers);
      case "complete":
        return this.api.write("PATCH", `${at(entry.taskId)}/complete`, entry.body, headers);
      case "delete":
        return this.api.write("DELETE", at(entry.taskId), undefined, headers);
    }
  }

  /** Drops the sent entry; later changes of the same task now build on the version the server gave it. */
  private afterSent(sent: Pending, task: Task | null): Pending[] {
    return this.state.entries
      .filter((e) => e !== sent)
      .map((e) =>
        e.taskId === sent.taskId && task
          ? { ...e, taskId: task.id, base: e.base === sent.base || sent.op === "create" ? task.version : e.base }
          : e,
      );
  }

  private replace(old: Pending, next: Pending): Pending[] {
    return this.state.entries.map((e) => (e === old ? next : e));
  }

  /**
   * The person's answer to a conflict: "mine" sends the change again onto the server's version,
   * "theirs" drops it (and what was queued after it for the task) and keeps the server's.
   */
  async resolve(key: string, choice: "mine" | "theirs"): Promise<void> {
    const entry = this.state.entries.find((e) => e.key === key);
    if (!entry || entry.conflict === undefined) return;
    const current = entry.conflict;
    if (choice === "mine") {
      // A fresh key: the first request was refused, this is a new one onto a new version.
      const again = { ...entry, key: crypto.randomUUID(), base: current?.version ?? null };
      delete again.conflict;
      await this.save(this.replace(entry, again));
    } else {
      await this.save(this.state.entries.filter((e) => e.taskId !== entry.taskId));
      this.hooks.sent(entry.op === "delete" ? { ...entry, op: "update", body: {} } : entry, current);
    }
    await this.flush();
  }
}
