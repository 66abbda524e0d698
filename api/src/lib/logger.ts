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

/** The one logger configuration: the server's, and the tests' that check what it keeps out. */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>, stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: config.LOG_LEVEL,
    ...(stream ? { stream } : {}),
    serializers: { err: redactError },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.client_secret'],
      censor: REDACTED,
    },
  };
}
