/**
 * The test suite's environment. Tests read it here rather than from process.env directly: set
 * DATABASE_URL to run against PostgreSQL (CI does), leave it unset for the embedded engine.
 */
export const TEST_DATABASE_URL = process.env.DATABASE_URL || undefined;

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
