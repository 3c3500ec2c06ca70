import { createStore, get, set } from "idb-keyval";
import type { TaskApi } from "../tasks/api-client";
import { ApiError } from "../tasks/api-error";
import type { Task } from "../tasks/model";
import { afterRefusal, afterSent, onto, type Pending, requestOf, theirs, touches } from "./ops";

export type { Pending, PendingOp } from "./ops";

export type Result =
  /** `answer`: the server's body (a task, a list, a bulk result), or null when it is gone. */
  | { status: "sent"; answer: unknown }
  | { status: "waiting" }
  | { status: "conflict" }
  | { status: "refused"; error: ApiError };

export interface OutboxHooks {
  sent: (entry: Pending, answer: unknown) => void;
  refused: (entry: Pending, error: ApiError) => void;
}

export interface OutboxState {
  entries: readonly Pending[];
  /** The last send could not reach the API: the entries are waiting. */
  offline: boolean;
}

/**
 * The write queue: every task and list change goes through it in order, is stored in IndexedDB before
 * it is sent (so a reload or a crash keeps it), and leaves only once the server answered it.
 */
export class Outbox {
  private state: OutboxState = { entries: [], offline: false };
  private readonly listeners = new Set<() => void>();
  private readonly waiting = new Map<string, (result: Result) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  /** How often in a row an entry waited for a twin still running on the server (ADR 0150). */
  private readonly twinWaits = new Map<string, number>();
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
      const ids = touches(e);
      const free = e.conflict === undefined && !ids.some((id) => held.has(id));
      if (!free) for (const id of ids) held.add(id);
      return free;
    });
    if (!entry) return false;
    let answer: unknown;
    const waited = this.twinWaits.get(entry.key) ?? 0;
    try {
      answer = await this.send(entry);
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind === "unreachable") {
        this.update({ offline: true });
        return false;
      }
      if (error.kind === "session") return false;
      // The same key is still being answered (a resend after a reload or a lost answer): not a
      // refusal. Wait and send it again, to get the stored answer; never drop it (ADR 0150).
      const twin = afterRefusal(error, waited);
      if (twin.next === "wait") {
        this.twinWaits.set(entry.key, waited + 1);
        await new Promise((resolve) => setTimeout(resolve, twin.ms));
        return true;
      }
      if (twin.next === "later") {
        // Still running after several waits: it waits with the unsent ones (banner, tried every
        // 5 s, once each: the count is kept). The 409 itself asked for another run (onAnswer);
        // nothing queued can go before this entry, so that run would only resend it at once.
        this.again = false;
        this.update({ offline: true });
        return false;
      }
      this.twinWaits.delete(entry.key);
      if (error.status === 412 && entry.op === "move") {
        // Position is all a move touches: it goes onto the current version (ADR 0140).
        const current = error.current as Task | undefined;
        await this.save(this.replace(entry, { ...entry, key: crypto.randomUUID(), base: current?.version ?? null }));
        return true;
      }
      if (error.status === 412) {
        await this.save(this.replace(entry, { ...entry, conflict: error.current ?? null }));
        this.settle(entry.key, { status: "conflict" });
        return true;
      }
      // A restore of a task purged meanwhile says so (the person pressed Undo and expects it back).
      const gone = error.status === 404 && !["create", "bulk", "restore"].includes(entry.op);
      if (gone) {
        answer = null; // Deleted elsewhere: it disappears, no error (contract 9).
      } else {
        // Refused for good (400/404/422, a 409 other than still-running): drop it, and what was
        // queued on a draft that never existed.
        const draft = entry.op === "create" || entry.op === "list-create";
        const dropped = (e: Pending) => e === entry || (draft && e.taskId === entry.taskId);
        await this.save(this.state.entries.filter((e) => !dropped(e)));
        this.settle(entry.key, { status: "refused", error });
        this.hooks.refused(entry, error);
        return true;
      }
    }
    this.twinWaits.delete(entry.key);
    await this.save(afterSent(this.state.entries, entry, answer));
    this.update({ offline: false });
    this.settle(entry.key, { status: "sent", answer });
    this.hooks.sent(entry, answer);
    return true;
  }

  private send(entry: Pending): Promise<unknown> {
    const headers: Record<string, string> = { "idempotency-key": entry.key };
    const request = requestOf(entry);
    if (request.ifMatch && entry.base !== null) headers["if-match"] = `"v${entry.base}"`;
    return this.api.write(request.method, request.path, request.body, headers);
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
    const current = entry.conflict as Task | Task[] | null;
    if (choice === "mine") {
      // A fresh key: the first request was refused, this is a new one onto a new version.
      const again = { ...entry, key: crypto.randomUUID(), ...onto(entry, current) } as Pending;
      delete again.conflict;
      await this.save(this.replace(entry, again));
    } else {
      const ids = new Set(touches(entry));
      await this.save(this.state.entries.filter((e) => !touches(e).some((id) => ids.has(id))));
      // The server's copy goes in the cache (a delete's task or list comes back).
      this.hooks.sent(entry, theirs(entry, current));
    }
    await this.flush();
  }
}
