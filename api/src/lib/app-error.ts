import { ERRORS, type ErrorCode, type FieldError, type ProblemExtras, fieldIssue } from '@alis/shared';

/** What an AppError carries besides its code and detail: the code's extra members, and headers. */
export type AppErrorExtra<C extends ErrorCode> = ProblemExtras<C> & { headers?: Record<string, string> };

/** The members of T that must be given. */
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
/** Codes whose extra members are all optional may leave them out. */
type ExtraArgument<C extends ErrorCode> = [RequiredKeys<ProblemExtras<C>>] extends [never] ? [extra?: AppErrorExtra<C>] : [extra: AppErrorExtra<C>];

/**
 * The one error the application throws on purpose; the error handler turns it into a problem. The
 * code decides the status, and the extra members are typed by the code (`already_exists` needs
 * `existingId`, `illegal_transition` needs `allowed` …).
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: number;
  readonly extra: AppErrorExtra<C>;
  constructor(
    readonly code: C,
    detail?: string,
    ...[extra]: ExtraArgument<C>
  ) {
    super(detail ?? ERRORS[code].title);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
    this.extra = extra ?? ({} as AppErrorExtra<C>);
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (detail: string) => new AppError('forbidden', detail);
export const invalid = (errors: FieldError[], detail = 'The request has invalid fields.') => new AppError('validation_failed', detail, { errors });
export const unprocessable = (detail: string, errors: FieldError[]) => new AppError('unprocessable', detail, { errors });

/** One invalid field: 400 with a single `errors[]` entry. */
export const invalidField = (...args: Parameters<typeof fieldIssue>) => invalid([fieldIssue(...args)]);

/** A reference to something that does not exist (an office code, a doctor id …): 400 on that field. */
export const unknownReference = (path: string, entity: string, value: string, message: string) =>
  invalidField({ path, code: 'unknown_reference', message, params: { entity, value } });

/** `instanceof` on the generic class narrows to `AppError<any>`; this keeps the code typed. */
export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
