/**
 * Whether an error means the database cannot be reached now (restart, failover, terminated
 * sessions, a full pool): the request may succeed when retried, so it is answered 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string') {
      // 08: connection exception; 57P01–57P03: admin or crash shutdown, cannot connect now; 53300: too many connections.
      if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
      if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
    }
    // node-postgres reports a lost or unobtainable connection only in words.
    if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i.test(current.message)) {
      return true;
    }
  }
  return false;
}

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
