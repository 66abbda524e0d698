import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import type { Config } from '../config.js';

const REDACTED = '[redacted]';

/** The values a query was run with (names, HPR numbers …) as drizzle puts them in its error message. */
const QUERY_PARAMS = /\nparams: [^\n]*/g;
/** PostgreSQL quotes the value it could not take (`invalid input syntax for type integer: "Kari"`). */
const QUOTED = /"[^"\n]*"/g;
const isDatabaseError = (error: Error) => /^[0-9A-Z]{5}$/.test(String((error as { code?: unknown }).code));

/** Text of a database error, and of the database errors an error's stack names as its causes, without quoted values. */
function withoutValues(text: string, fromDatabase: boolean): string {
  const redacted = text.replace(QUERY_PARAMS, `\nparams: ${REDACTED}`);
  if (fromDatabase) return redacted.replace(QUOTED, `"${REDACTED}"`);
  const [own, ...causes] = redacted.split('\ncaused by: ');
  return [own, ...causes.map((cause) => cause.replace(QUOTED, `"${REDACTED}"`))].join('\ncaused by: ');
}

/**
 * An error as it may be logged: the query's text stays (it says what failed), its values do not,
 * nor PostgreSQL's `detail` (`Key (hpr_number)=(1234567) already exists`), here or in a cause.
 */
export function redactError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 4) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack'] as const) {
    const text = serialized[key];
    if (typeof text === 'string') serialized[key] = withoutValues(text, isDatabaseError(error));
  }
  if ('params' in serialized) serialized.params = REDACTED;
  if ('detail' in serialized) serialized.detail = REDACTED;
  if ('where' in serialized) serialized.where = REDACTED;
  if (error.cause !== undefined) serialized.cause = redactError(error.cause, depth + 1);
  return serialized;
}

/** Fields whose values never reach the log, in any object a line carries (pino's `*.password`). */
const SECRET_FIELDS = ['password', 'client_secret'];
/** Headers whose values never reach the log, in a request or response a line carries. */
const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie'];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Error);

/** `value` with `names` censored, or `value` itself when it holds none of them (the caller's object is never changed). */
function censored(value: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  if (!names.some((name) => name in value)) return value;
  const copy = { ...value };
  for (const name of names) if (name in copy) copy[name] = REDACTED;
  return copy;
}

/**
 * A log line's fields without secrets: a password or client secret in any object it carries, and
 * the credential headers of a request or response. pino's `redact` option did the same through
 * paths, at several µs of every request's access-log line (4–12 µs, a few per cent of a small GET's
 * CPU, in side-by-side runs); a line of plain values (every request's) passes through here untouched
 * and uncopied.
 */
export function withoutSecrets(fields: Record<string, unknown>): Record<string, unknown> {
  let result = fields;
  for (const key in fields) {
    const value = fields[key];
    if (!isPlainObject(value)) continue;
    let safe = censored(value, SECRET_FIELDS);
    if ((key === 'req' || key === 'res') && isPlainObject(safe.headers)) {
      const headers = censored(safe.headers, SECRET_HEADERS);
      if (headers !== safe.headers) safe = { ...safe, headers };
    }
    if (safe !== value) {
      if (result === fields) result = { ...fields };
      result[key] = safe;
    }
  }
  return result;
}

/** The one logger configuration: the server's, and the tests' that check what it keeps out. */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>, stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: config.LOG_LEVEL,
    ...(stream ? { stream } : {}),
    serializers: { err: redactError },
    formatters: { log: withoutSecrets },
  };
}
