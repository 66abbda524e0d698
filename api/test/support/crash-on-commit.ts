/**
 * Loaded into an API process by a test (`--import`): kills the process with SIGKILL around the
 * COMMIT of the transaction that wrote a marked value, just before it or just after it (then the
 * change is committed but its response never sent). Configured by the environment:
 *   ALIS_TEST_CRASH_MARKER  a value the test sends (an HPR number), seen among a query's parameters
 *   ALIS_TEST_CRASH_WHEN    `before-commit` or `after-commit`
 */
import pg from 'pg';

const marker = process.env.ALIS_TEST_CRASH_MARKER;
const when = process.env.ALIS_TEST_CRASH_WHEN;

if (marker) {
  const marked = new WeakSet<object>();
  const prototype = pg.Client.prototype as unknown as { query: (this: object, ...args: unknown[]) => unknown };
  const original = prototype.query;
  const crash = () => process.kill(process.pid, 'SIGKILL');
  prototype.query = function query(this: object, ...args: unknown[]) {
    const [config, values] = args;
    const text = typeof config === 'string' ? config : (config as { text?: string } | undefined)?.text;
    const params = Array.isArray(values) ? values : ((config as { values?: unknown[] } | undefined)?.values ?? []);
    if (params.includes(marker)) marked.add(this);
    if (marked.has(this) && /^\s*commit\s*$/i.test(text ?? '')) {
      if (when === 'before-commit') crash();
      const result = original.apply(this, args);
      if (when === 'after-commit') void Promise.resolve(result).then(crash, crash);
      return result;
    }
    return original.apply(this, args);
  };
}
