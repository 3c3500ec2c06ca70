import { AsyncLocalStorage } from "node:async_hooks";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type Transaction,
  type TransactionSettings,
} from "kysely";

/** One request's transaction: its connection once taken, and how deep the nested transactions go. */
interface RequestTransaction {
  connection?: Promise<DatabaseConnection>;
  taken?: DatabaseConnection;
  depth: number;
  done: boolean;
}

const current = new AsyncLocalStorage<RequestTransaction>();

/**
 * Runs `work` in one PostgreSQL transaction that every query made on `db` meanwhile joins,
 * however deep in the call stack and whoever made it (ADR 0055): single statements run in
 * it, and a service's own `db.transaction()` becomes a savepoint inside it, so everything
 * `work` causes commits together, or nothing does. Needs a `db` made by `createDb`.
 */
export function inRequestTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const outer = current.getStore();
  if (outer && !outer.done) return db.transaction().execute(work);
  return current.run({ depth: 0, done: false }, () => db.transaction().execute(work));
}

/** A dialect whose connections are the request transaction's while one is open (see above). */
export class RequestTransactionDialect implements Dialect {
  constructor(private readonly inner: Dialect) {}
  createDriver(): Driver {
    return new RequestTransactionDriver(this.inner.createDriver());
  }
  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Dialect's own signature.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}

const savepoint = (depth: number) => `request_savepoint_${depth}`;

class RequestTransactionDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init() {
    return this.inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    const rt = current.getStore();
    if (!rt || rt.done) return this.inner.acquireConnection();
    rt.connection ??= this.inner.acquireConnection().then((c) => {
      rt.taken = c;
      return c;
    });
    return rt.connection;
  }

  /** The open request transaction this connection belongs to, if any. */
  private joined(connection: DatabaseConnection): RequestTransaction | undefined {
    const rt = current.getStore();
    return rt && !rt.done && rt.taken === connection ? rt : undefined;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const rt = this.joined(connection);
    if (!rt) return this.inner.beginTransaction(connection, settings);
    rt.depth += 1;
    try {
      if (rt.depth === 1) await this.inner.beginTransaction(connection, settings);
      else await connection.executeQuery(CompiledQuery.raw(`savepoint ${savepoint(rt.depth)}`));
    } catch (error) {
      rt.depth -= 1;
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection) {
    const rt = this.joined(connection);
    if (!rt) return this.inner.commitTransaction(connection);
    return this.end(rt, connection, () => this.inner.commitTransaction(connection), "release savepoint");
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    const rt = this.joined(connection);
    if (!rt) return this.inner.rollbackTransaction(connection);
    return this.end(rt, connection, () => this.inner.rollbackTransaction(connection), "rollback to savepoint");
  }

  private async end(rt: RequestTransaction, connection: DatabaseConnection, outer: () => Promise<void>, verb: string) {
    const depth = rt.depth;
    rt.depth -= 1;
    // Once the outer transaction ends, later queries of the same async context (say, work a
    // request left running) go to the pool again instead of a connection handed back.
    if (depth === 1) {
      rt.done = true;
      return outer();
    }
    await connection.executeQuery(CompiledQuery.raw(`${verb} ${savepoint(depth)}`));
  }

  async releaseConnection(connection: DatabaseConnection) {
    const rt = this.joined(connection);
    // A joined query or savepoint: the outer transaction releases the connection once it ends.
    if (rt && rt.depth > 0) return;
    // (Still open here only when the outer BEGIN itself failed.)
    if (rt) rt.done = true;
    return this.inner.releaseConnection(connection);
  }

  destroy() {
    return this.inner.destroy();
  }
}
