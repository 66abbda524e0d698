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
  bind(message: { portal: string; statement: string; values: unknown[]; binary: boolean; valueMapper?: unknown }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string; rows: number }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

/** Where a statement's rows go: pg's `Client` or `Pool` take a submittable in place of a query. */
export interface Queryable {
  query(submittable: LeanExecution, callback: (error: Error | undefined) => void): unknown;
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

/** One run of a statement in an execution, and where its rows or its error go. */
export interface LeanRun {
  readonly statement: LeanStatement;
  readonly values: unknown[];
  readonly resolve: (rows: unknown[][]) => void;
  readonly reject: (error: Error) => void;
  rows: unknown[][];
  /** What its rows are read with: the statement's when it is sent, else what its own Describe answers. */
  parsers?: ColumnParser[];
  failure?: Error;
  /** The Parse message for it was sent in this execution (its name is not known to the connection yet). */
  parsedHere?: boolean;
}

const skipped = () => new Error('Not run: an earlier statement sent with it in one round trip failed.');

/**
 * Runs of prepared statements, submitted to pg's client as one custom query. pg's own `Query` asks
 * PostgreSQL to describe the result on every run and builds a parser per column from the answer (and
 * an object per run it never uses with rows as arrays), and copies its config first: a tenth of a
 * small GET's CPU spent on the driver. This one describes a statement's result once, then only
 * binds and executes, and keeps rows as arrays. Several runs go as one write with one Sync at the end
 * (PostgreSQL's pipelining): one round trip to the server and back for all of them, where pg sends
 * each query only after the one before it has been answered. PostgreSQL runs them in order and, after
 * one fails, skips the rest up to the Sync; each run answers its own rows or error. Messages, errors
 * and the statement cache on each connection are handled as pg's Query handles them.
 */
export class LeanExecution {
  callback: ((error: Error | undefined) => void) | undefined;
  /** The run whose messages arrive now: pg's client reads `name` and `text` on ParseComplete and on an error. */
  private current = 0;

  constructor(readonly runs: readonly LeanRun[]) {}

  get name(): string | undefined {
    return this.runs[this.current]?.statement.name;
  }

  get text(): string | undefined {
    return this.runs[this.current]?.statement.text;
  }

  submit(connection: Connection): Error | null {
    // Every value is made ready to send before anything is written: one that pg cannot serialise fails
    // its run, and the connection has nothing half-sent.
    const values: unknown[][] = [];
    for (const [index, run] of this.runs.entries()) {
      const { name, text } = run.statement;
      const previous = connection.parsedStatements[name] ?? connection.submittedNamedStatements[name];
      if (previous !== undefined && previous !== text) return this.failBeforeSending(index, new Error(`Prepared statements must be unique - '${name}' was used for a different statement`));
      try {
        values.push(run.values.map((value) => pgUtils.prepareValue(value)));
      } catch (error) {
        return this.failBeforeSending(index, error as Error);
      }
    }
    connection.stream.cork?.();
    try {
      for (const [index, run] of this.runs.entries()) {
        const { name, text } = run.statement;
        if (connection.parsedStatements[name] === undefined && connection.submittedNamedStatements[name] === undefined) {
          connection.parse({ text, name, types: [] });
          connection.submittedNamedStatements[name] = text;
          run.parsedHere = true;
        }
        connection.bind({ portal: '', statement: name, values: values[index] as unknown[], binary: false });
        // The first run of a statement learns its columns (when it is sent: another execution may have
        // learnt them since it was begun); two runs of it in one execution both ask.
        run.parsers ??= run.statement.parsers;
        if (!run.parsers) connection.describe({ type: 'P', name: '' });
        connection.execute({ portal: '', rows: 0 });
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  /**
   * Nothing was sent: the run at `index` fails with `error`, the others are not run. pg's client
   * hears the error as the execution's and goes on with the connection's next query.
   */
  private failBeforeSending(index: number, error: Error): Error {
    this.failRemaining((_, at) => (at === index ? error : skipped()));
    return error;
  }

  /** The connection failed or could not be had: every run not answered yet fails with `error`. */
  abandon(error: Error): void {
    this.failRemaining(() => error);
  }

  /** Every run not answered yet fails, with the error `errorOf` gives it; nothing arrives for them after. */
  private failRemaining(errorOf: (run: LeanRun, at: number) => Error): void {
    for (let at = this.current; at < this.runs.length; at++) {
      const run = this.runs[at] as LeanRun;
      run.reject(errorOf(run, at));
    }
    this.current = this.runs.length;
  }

  handleRowDescription(message: { fields: { dataTypeID: number }[] }): void {
    const run = this.runs[this.current];
    if (!run) return;
    const parsers = message.fields.map((field) => run.statement.typeParser(field.dataTypeID, 'text'));
    run.statement.parsers = parsers;
    run.parsers = parsers;
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    const run = this.runs[this.current];
    if (!run || run.failure) return;
    const parsers = run.parsers;
    const fields = message.fields;
    if (!parsers || parsers.length !== fields.length) {
      run.failure = new Error(`The statement ${run.statement.name} answered ${fields.length} columns where ${parsers?.length ?? 0} were described.`);
      return;
    }
    const row = new Array<unknown>(fields.length);
    try {
      for (let index = 0; index < fields.length; index++) {
        const value = fields[index];
        row[index] = value === null || value === undefined ? null : (parsers[index] as ColumnParser)(value);
      }
    } catch (error) {
      run.failure = error as Error;
      return;
    }
    run.rows.push(row);
  }

  handleCommandComplete(): void {
    const run = this.runs[this.current];
    this.current++;
    if (!run) return;
    if (run.failure) run.reject(run.failure);
    else run.resolve(run.rows);
  }

  /**
   * The run that failed answers the error; PostgreSQL skipped the ones after it, whose statements it
   * has not parsed either (pg's client forgets the failed one's name itself).
   */
  handleError(error: Error, connection?: Connection): void {
    const failed = this.current;
    for (const run of this.runs.slice(failed + 1)) {
      if (run.parsedHere && connection && connection.parsedStatements[run.statement.name] === undefined) {
        Reflect.deleteProperty(connection.submittedNamedStatements, run.statement.name);
      }
    }
    this.failRemaining((run, at) => (at === failed ? (run.failure ?? error) : skipped()));
    this.finish(error);
  }

  handleReadyForQuery(): void {
    this.finish(undefined);
  }

  /** Tells pg's client once that the execution is over: after an error the server's ReadyForQuery still follows. */
  private finish(error: Error | undefined) {
    const callback = this.callback;
    this.callback = undefined;
    callback?.(error);
  }

  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
  handleCopyInResponse(connection: Connection): void {
    connection.sendCopyFail('No source stream defined');
  }
}

/** Runs waiting to be sent together, by where they go; set while `inOneRoundTrip` collects. */
let collecting: Map<Queryable, LeanRun[]> | undefined;

function send(target: Queryable, runs: LeanRun[]) {
  const execution = new LeanExecution(runs);
  // The runs answer for themselves as their messages arrive; an error here that none of them has
  // answered is the pool's or the connection's (no connection to be had, or it broke).
  target.query(execution, (error) => {
    if (error) execution.abandon(error);
  });
}

/** Runs `statement` with `values` on `target` (a pool or one client), its errors wrapped as drizzle wraps them. */
export function runLean(target: Queryable, statement: LeanStatement, values: unknown[]): Promise<unknown[][]> {
  return new Promise((resolve, reject) => {
    const run: LeanRun = {
      statement,
      values,
      resolve,
      reject: (error) => reject(new DrizzleQueryError(statement.text, values, error)),
      rows: [],
    };
    const waiting = collecting;
    if (!waiting) {
      send(target, [run]);
      return;
    }
    const runs = waiting.get(target);
    if (runs) runs.push(run);
    else waiting.set(target, [run]);
  });
}

/**
 * Sends the lean runs that `start` begins before it returns (synchronously: the statements a
 * `Promise.all` of repo calls starts) in one round trip per pool or connection, in the order they
 * were begun, and returns what `start` returned. A run begun later, after an `await`, goes on its own
 * as usual, as do statements that do not run lean (PGlite's). Only independent reads belong together:
 * after one fails, the ones after it are not run.
 */
export function inOneRoundTrip<T>(start: () => T): T {
  if (collecting) return start();
  const waiting = new Map<Queryable, LeanRun[]>();
  collecting = waiting;
  try {
    return start();
  } finally {
    collecting = undefined;
    for (const [target, runs] of waiting) send(target, runs);
  }
}
