import { DrizzleQueryError } from 'drizzle-orm';
import pgUtils from 'pg/lib/utils.js';

/** A value parser for one column, as pg's type registry gives it. */
type ColumnParser = (value: string) => unknown;

/** What pg's connection offers a submitted query (pg-cursor and pg-query-stream use the same). */
interface Connection {
  parsedStatements: Record<string, string | undefined>;
  submittedNamedStatements: Record<string, string | undefined>;
  stream: { cork?: () => void; uncork?: () => void };
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: unknown[]; binary: boolean; valueMapper: unknown }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string; rows: number }): void;
  close(message: { type: 'S'; name: string }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

/** Where a statement's rows go: pg's `Client` or `Pool` take a submittable in place of a query. */
export interface Queryable {
  query(submittable: LeanExecution, callback: (error: Error | undefined, rows?: unknown[][]) => void): unknown;
}

/**
 * A named statement that is only ever run prepared, and what its rows' columns are parsed with, known
 * from the first run's row description. Its columns cannot change while it stays prepared (PostgreSQL
 * refuses a cached plan whose result type changed), so the parsers hold for every connection.
 */
export interface LeanStatement {
  readonly name: string;
  readonly text: string;
  readonly typeParser: (oid: number, format: 'text') => ColumnParser;
  parsers?: ColumnParser[];
}

/**
 * One run of a prepared statement, submitted to pg's client as a custom query. pg's own `Query` asks
 * PostgreSQL to describe the result on every run and builds a parser per column from the answer (and
 * an object per run it never uses with rows as arrays), and copies its config first: a tenth of a
 * small GET's CPU spent on the driver. This one describes the result once per statement, then only
 * binds and executes, and keeps rows as arrays. Messages, errors and the statement cache on each
 * connection are handled as pg's Query handles them.
 */
export class LeanExecution {
  readonly name: string;
  readonly text: string;
  callback: ((error: Error | undefined, rows?: unknown[][]) => void) | undefined;
  private readonly rows: unknown[][] = [];
  private parsers: ColumnParser[] | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly statement: LeanStatement,
    readonly values: unknown[],
  ) {
    this.name = statement.name;
    this.text = statement.text;
    this.parsers = statement.parsers;
  }

  submit(connection: Connection): Error | null {
    const previous = connection.parsedStatements[this.name] ?? connection.submittedNamedStatements[this.name];
    if (previous !== undefined && previous !== this.text) return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`);
    connection.stream.cork?.();
    try {
      if (previous === undefined) {
        connection.parse({ text: this.text, name: this.name, types: [] });
        connection.submittedNamedStatements[this.name] = this.text;
      }
      try {
        connection.bind({ portal: '', statement: this.name, values: this.values, binary: false, valueMapper: pgUtils.prepareValue });
      } catch (error) {
        connection.close({ type: 'S', name: this.name });
        connection.sync();
        this.handleError(error as Error);
        return null;
      }
      if (!this.parsers) connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '', rows: 0 });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(message: { fields: { dataTypeID: number }[] }): void {
    const parsers = message.fields.map((field) => this.statement.typeParser(field.dataTypeID, 'text'));
    this.statement.parsers = parsers;
    this.parsers = parsers;
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    if (this.failure) return;
    const parsers = this.parsers;
    const fields = message.fields;
    if (!parsers || parsers.length !== fields.length) {
      this.failure = new Error(`The statement ${this.name} answered ${fields.length} columns where ${parsers?.length ?? 0} were described.`);
      return;
    }
    const row = new Array<unknown>(fields.length);
    try {
      for (let index = 0; index < fields.length; index++) {
        const value = fields[index];
        row[index] = value === null || value === undefined ? null : (parsers[index] as ColumnParser)(value);
      }
    } catch (error) {
      this.failure = error as Error;
      return;
    }
    this.rows.push(row);
  }

  handleError(error: Error): void {
    this.finish(this.failure ?? error);
  }

  handleReadyForQuery(): void {
    this.finish(this.failure, this.rows);
  }

  /** Answers once: after a value that could not be bound, the server's ReadyForQuery still follows the error. */
  private finish(error: Error | undefined, rows?: unknown[][]) {
    const callback = this.callback;
    this.callback = undefined;
    callback?.(error, error ? undefined : rows);
  }

  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
  handleCopyInResponse(connection: Connection): void {
    connection.sendCopyFail('No source stream defined');
  }
}

/** Runs `statement` with `values` on `target` (a pool or one client), its errors wrapped as drizzle wraps them. */
export function runLean(target: Queryable, statement: LeanStatement, values: unknown[]): Promise<unknown[][]> {
  return new Promise((resolve, reject) => {
    target.query(new LeanExecution(statement, values), (error, rows) => {
      if (error) reject(new DrizzleQueryError(statement.text, values, error));
      else resolve(rows ?? []);
    });
  });
}
