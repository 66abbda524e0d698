import { ApiError } from './api-error';

/** An extra member of the problem details (`existingId`, `allowed` …), when it has the expected type. */
export function problemString(error: unknown, member: string): string | undefined {
  if (!(error instanceof ApiError) || !error.problem) return undefined;
  const value = (error.problem as Record<string, unknown>)[member];
  return typeof value === 'string' ? value : undefined;
}

export function problemStrings(error: unknown, member: string): string[] {
  if (!(error instanceof ApiError) || !error.problem) return [];
  const value = (error.problem as Record<string, unknown>)[member];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** True for an ApiError with this status (and code, when given). */
export function isProblem(error: unknown, status: number, code?: string): error is ApiError {
  return error instanceof ApiError && error.status === status && (code === undefined || error.code === code);
}
