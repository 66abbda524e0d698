import { z } from 'zod';
import { importReport } from './imports.js';

/**
 * The API's error vocabulary: each stable `code` has one HTTP status and one title. Adding a code is
 * one line here (and, when it carries extra fields, one line in `problemExtras`).
 */
export const ERRORS = {
  validation_failed: { status: 400, title: 'Invalid input' },
  invalid_cursor: { status: 400, title: 'Invalid cursor' },
  bad_request: { status: 400, title: 'Bad request' },
  unauthorized: { status: 401, title: 'Authentication required' },
  invalid_credentials: { status: 401, title: 'Invalid credentials' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  already_exists: { status: 409, title: 'Already exists' },
  illegal_transition: { status: 409, title: 'Transition not allowed from the current status' },
  idempotency_in_flight: { status: 409, title: 'Request with this Idempotency-Key is still in progress' },
  gone: { status: 410, title: 'Gone' },
  precondition_failed: { status: 412, title: 'Precondition failed' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'Unprocessable request' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key reused with a different request' },
  rate_limited: { status: 429, title: 'Too many requests' },
  headers_too_large: { status: 431, title: 'Request header fields too large' },
  internal_error: { status: 500, title: 'Internal server error' },
  service_unavailable: { status: 503, title: 'Service unavailable' },
  import_rejected: { status: 422, title: 'Import rejected: the file has invalid rows' },
  not_acceptable: { status: 406, title: 'Not acceptable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const errorCodes = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];
export const errorCode = z.enum(errorCodes);
export const statusOf = (code: ErrorCode): number => ERRORS[code].status;
export const problemType = (code: ErrorCode) => `urn:alis:problem:${code}`;

// --- errors[] entries ---------------------------------------------------------------------------

/** Why a well-formed value is refused (`not_allowed`); one line here for each new reason. */
export const notAllowedReasons = [
  'office_user_only',
  'municipality_client_only',
  'closing_only',
  'decision_only',
  'specialist_only',
  'leaves_scope',
  'own_municipality_only',
  'no_body',
  'own_supervisor',
  'needs_position_percent',
  'refused_target',
  'grant_decision_only',
  'granted_amount_only',
  'payment_only',
  'one_person_only',
  'approved_only',
  'not_a_course_day',
  'waiting_list',
  'registration_closed',
  'open_agreement_exists',
  'duplicate_row',
  'wrong_password',
  'same_password',
] as const;
export type NotAllowedReason = (typeof notAllowedReasons)[number];

/** Bodies are read up to 1 MiB, so nothing quoted from one (a field's path) is longer. */
export const BODY_LIMIT_BYTES = 1_048_576;
/** The request line and headers are read up to 64 KiB, so a path quoted from the URL is no longer. */
export const REQUEST_LINE_LIMIT_BYTES = 65_536;
/** A problem lists at most this many field errors (the first ones found). */
export const MAX_FIELD_ERRORS = 1000;

const paramValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
const isoDay = z.iso.date();

/**
 * Why a grant application cannot be submitted as it stands (`not_eligible`, and each application's
 * `problems[]`); one line here for each new one. See `grantProblems` in grant-rules.ts.
 */
export const grantProblemCodes = [
  'no_organisation_number',
  'no_centrality_class',
  'no_lines',
  'agreement_required',
  'guidance_with_agreement',
  'agreement_other_municipality',
  'agreement_other_doctor',
  'staffing_agency',
  'no_claimable_months',
  'months_out_of_range',
  'percent_out_of_range',
  'months_exceed_agreement',
  'share_exceeds_agreement',
  'doctor_claimed_twice',
  'full_time_months_exceeded',
] as const;
export type GrantProblemCode = (typeof grantProblemCodes)[number];

/** The facts a grant problem's text needs; each code uses the ones it names (see `grantProblems`). */
export const grantProblemParams = {
  /** Months claimed (for an agreement: on all its lines together). */
  months: z.number().optional(),
  /** Whole months the agreement can be claimed for in the scheme's period. */
  claimable: z.number().optional(),
  percent: z.number().optional(),
  /** Months × share / 100 claimed (for a doctor: on every application of the scheme that counts). */
  fullTimeMonths: z.number().optional(),
  /** Months × share / 100 the agreement can be claimed for. */
  claimableFullTimeMonths: z.number().optional(),
  /** Whole months of the scheme's period. */
  availableMonths: z.number().optional(),
  /** The other application that claims the same doctor. */
  applicationId: z.string().max(128).optional(),
  /** The municipality of that application, or of an agreement of another municipality. */
  kommunenummer: z.string().max(4).optional(),
  /** Index (from 0) of the other line of this application that claims the same doctor. */
  otherLine: z.number().optional(),
};
export type GrantProblemParams = z.infer<z.ZodObject<typeof grantProblemParams>>;

/**
 * Each entry of a problem's `errors[]` has a stable `code` and the machine-readable `params` its
 * text needs, beside an English `message`: a client says it in its own language from code and params.
 */
export const FIELD_ERROR_PARAMS = {
  /** A required field is absent. */
  required: {},
  /** A field the schema does not know (bodies and query strings are strict). */
  unknown_field: {},
  /** Wrong JSON type; `expected` is "string", "number", "int", "boolean", "array", "object" … */
  invalid_type: { expected: z.string().max(200) },
  /** Not one of the allowed values (an enum or a literal). */
  invalid_value: { allowed: z.array(paramValue).max(1000) },
  /**
   * Wrong form: `format` is "date", "datetime", "email", "uuid", "url", "kommunenummer", "office_code",
   * "county_number", "hpr_number", "organisation_number", "phone", "idempotency_key" …
   */
  invalid_format: { format: z.string().max(200) },
  /** Below a limit: a length (`origin` "string" / "array") or a value ("number"). */
  too_small: { minimum: z.number(), inclusive: z.boolean(), origin: z.string().max(200) },
  /** Above a limit, as `too_small`. */
  too_big: { maximum: z.number(), inclusive: z.boolean(), origin: z.string().max(200) },
  /** Refers to something that does not exist: `entity` "office", "municipality", "doctor", "supervisor" … */
  unknown_reference: { entity: z.string().max(200), value: z.string().max(2000) },
  /** A date earlier than allowed: not before `earliest`, which is the value of `reference` (a field or a rule). */
  too_early: { earliest: isoDay, reference: z.string().max(200) },
  /** A date later than allowed: not after `latest`, which is the value of `reference` (a field or a rule). */
  too_late: { latest: isoDay, reference: z.string().max(200) },
  /** A date later than today in Norway. */
  in_future: { today: isoDay },
  /** A period overlapping another (`id`) from `from` to `to`. */
  overlaps: { id: z.string().max(128), from: isoDay, to: isoDay },
  /** A supervisor not qualified as veileder on `date` (neither specialist nor exempted). */
  not_qualified: { date: isoDay },
  /** Something a step needs is missing; `item` names what, when a field path is not enough. */
  missing: { item: z.string().max(200).optional() },
  /** The value is well-formed but not allowed here, for one of `notAllowedReasons`. */
  not_allowed: { reason: z.enum(notAllowedReasons) },
  /** A grant application cannot be submitted: `problem` says why, with the facts its text needs. */
  not_eligible: { problem: z.enum(grantProblemCodes), ...grantProblemParams },
  /** Anything else wrong with the value. */
  invalid: {},
} as const satisfies Record<string, z.ZodRawShape>;

export type FieldErrorCode = keyof typeof FIELD_ERROR_PARAMS;
export const fieldErrorCodes = Object.keys(FIELD_ERROR_PARAMS) as [FieldErrorCode, ...FieldErrorCode[]];

const fieldErrorVariant = <C extends FieldErrorCode>(code: C) =>
  z.object({
    path: z.string().max(BODY_LIMIT_BYTES).describe('Dotted path of the offending field ("" for the whole body).'),
    code: z.literal(code),
    message: z.string().max(4000).describe('English explanation; clients show their own text built from `code` and `params`.'),
    params: z.object(FIELD_ERROR_PARAMS[code]).strict(),
  });
type FieldErrorVariant<C extends FieldErrorCode> = ReturnType<typeof fieldErrorVariant<C>>;

export const fieldError = z
  .discriminatedUnion(
    'code',
    fieldErrorCodes.map(fieldErrorVariant) as unknown as [FieldErrorVariant<FieldErrorCode>, ...FieldErrorVariant<FieldErrorCode>[]],
  )
  .meta({ id: 'FieldError' });
/** What a code without members of its own carries: nothing in particular. */
type Empty = object;
/** What a shape parses to; an empty shape is the empty object (not an index signature of never). */
type Inferred<S extends z.ZodRawShape> = [keyof S] extends [never] ? Empty : z.infer<z.ZodObject<S>>;
export type FieldErrorParams<C extends FieldErrorCode> = C extends FieldErrorCode ? Inferred<(typeof FIELD_ERROR_PARAMS)[C]> : never;
export type FieldError = { [C in FieldErrorCode]: { path: string; code: C; message: string; params: FieldErrorParams<C> } }[FieldErrorCode];

/** A field error whose params are empty need not spell them out. */
type FieldErrorInput = {
  [C in FieldErrorCode]: { path: string; code: C; message: string } & (Empty extends FieldErrorParams<C>
    ? { params?: FieldErrorParams<C> }
    : { params: FieldErrorParams<C> });
}[FieldErrorCode];

export function fieldIssue(input: FieldErrorInput): FieldError {
  return { ...input, params: input.params ?? {} } as FieldError;
}

// --- problem details ----------------------------------------------------------------------------

/** `errors[]`, typed as the union of its variants (zod's own inference loses the pairing of code and params). */
export const fieldErrorList = z.array(fieldError).max(MAX_FIELD_ERRORS) as unknown as z.ZodType<FieldError[]>;

/** Extra members of the problems that carry them, by code. */
export const problemExtras = {
  validation_failed: { errors: fieldErrorList },
  unprocessable: { errors: fieldErrorList, overlappingId: z.string().max(128).optional() },
  already_exists: { existingId: z.string().max(128).describe('The resource that already holds the natural key.') },
  illegal_transition: {
    from: z.string().max(60).optional(),
    to: z.string().max(60).optional(),
    allowed: z.array(z.string().max(60)).max(20).describe('Statuses the resource may move to from its current one.'),
  },
  conflict: {
    existingId: z.string().max(128).optional().describe('The resource in the way, when there is one.'),
    existingSupervisorId: z.string().max(128).optional(),
    existingAgreementId: z.string().max(128).optional().describe('The agreement the resource in the way belongs to, when it is another.'),
    agreementStatus: z.string().max(60).optional().describe('The closed status that forbids the change.'),
    reason: z.enum(['created_concurrently', 'last_admin', 'agreement_closed', 'open_ended_veileder', 'application_not_draft', 'application_not_granted', 'one_veileder_at_a_time']).optional()
      .describe('Why, for clients that word it themselves: `created_concurrently` (try again), `last_admin`, `agreement_closed` (see `agreementStatus`), `open_ended_veileder`, `application_not_draft`, `application_not_granted` (see `applicationStatus`), `one_veileder_at_a_time` (see `supervisorName`, `from`, `to`, `kommunenummer`).'),
    applicationStatus: z.string().max(60).optional().describe('The grant application\'s status that forbids the change.'),
    supervisorName: z.string().max(200).optional().describe('The veileder the ALIS already has.'),
    from: z.string().max(10).optional().describe('Start of the supervision in the way (YYYY-MM-DD).'),
    to: z.string().max(10).nullable().optional().describe('End of the supervision in the way; null when open-ended.'),
    kommunenummer: z.string().max(4).optional().describe('The municipality of the agreement in the way.'),
  },
  precondition_failed: { currentETag: z.string().max(32).optional().describe('The ETag the resource has now.') },
  import_rejected: { report: importReport.describe('What the file holds: every invalid row in `errors`; nothing was imported.') },
} as const satisfies Partial<Record<ErrorCode, z.ZodRawShape>>;

export type ProblemExtras<C extends ErrorCode> = C extends keyof typeof problemExtras ? Inferred<(typeof problemExtras)[C]> : Empty;

const problemBase = {
  type: z.string().max(100).describe('`urn:alis:problem:<code>`.'),
  title: z.string().max(200),
  status: z.number().int(),
  // A detail may quote the request line, which Node reads up to 64 KiB (api/src/app.ts).
  detail: z.string().max(2 * REQUEST_LINE_LIMIT_BYTES).optional(),
  instance: z.string().max(REQUEST_LINE_LIMIT_BYTES).optional(),
  requestId: z.string().max(128).optional().describe('Quote it when you contact us; it is in our logs.'),
};

const problemVariant = <C extends ErrorCode>(code: C) =>
  z.object({ ...problemBase, code: z.literal(code), ...((problemExtras as Partial<Record<ErrorCode, z.ZodRawShape>>)[code] ?? {}) });

/** RFC 9457 problem details, as every error response of the API is shaped, told apart by `code`. */
export const problemDetails = z
  .discriminatedUnion(
    'code',
    errorCodes.map(problemVariant) as unknown as [ReturnType<typeof problemVariant>, ...ReturnType<typeof problemVariant>[]],
  )
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable `code`.' }) as unknown as z.ZodType<Problem>;

export type Problem<C extends ErrorCode = ErrorCode> = {
  [K in C]: { type: string; title: string; status: number; detail?: string; instance?: string; requestId?: string; code: K } & ProblemExtras<K>;
}[C];
export type ProblemDetails = Problem;
/** The problem of one code; usable where `C` is generic (a type guard, a helper that expects a code). */
export type ProblemOf<C extends ErrorCode> = Extract<Problem, { code: C }>;

// --- from schema issues -------------------------------------------------------------------------

/** The parts of a zod issue the mapping reads; zod's own issues fit it, and so do Fastify's copies of them. */
export type SchemaIssue = { code: string; path: readonly PropertyKey[]; message: string } & Partial<Record<string, unknown>>;

const knownFieldErrorCode = (value: unknown): value is FieldErrorCode =>
  typeof value === 'string' && Object.hasOwn(FIELD_ERROR_PARAMS, value);
const limit = (value: unknown) => Number(value);

/**
 * Schema issues as `errors[]` entries with stable codes. Shared so that the API's 400 and the admin
 * app's own check before sending say the same thing in the same words.
 */
export function fieldErrorsFromIssues(issues: readonly (z.core.$ZodIssue | SchemaIssue)[]): FieldError[] {
  return issues.flatMap((zodIssue): FieldError[] => {
    // zod declares its issues as interfaces without an index signature; read them as plain records.
    const issue = zodIssue as SchemaIssue;
    const path = issue.path.map(String).join('.');
    const { message } = issue;
    switch (issue.code) {
      case 'unrecognized_keys':
        return ((issue.keys as unknown[] | undefined) ?? []).map((key) =>
          fieldIssue({ path: path ? `${path}.${String(key)}` : String(key), code: 'unknown_field', message: 'unknown field' }),
        );
      case 'invalid_type':
        return /received undefined$/.test(message)
          ? [fieldIssue({ path, code: 'required', message: 'is required' })]
          : [fieldIssue({ path, code: 'invalid_type', message, params: { expected: String(issue.expected) } })];
      case 'invalid_value':
        return [fieldIssue({ path, code: 'invalid_value', message, params: { allowed: ((issue.values as unknown[] | undefined) ?? []).map(paramOf) } })];
      case 'invalid_format':
        return [fieldIssue({ path, code: 'invalid_format', message, params: { format: String(issue.format) } })];
      case 'too_small':
        return [fieldIssue({ path, code: 'too_small', message, params: { minimum: limit(issue.minimum), inclusive: issue.inclusive !== false, origin: String(issue.origin) } })];
      case 'too_big':
        return [fieldIssue({ path, code: 'too_big', message, params: { maximum: limit(issue.maximum), inclusive: issue.inclusive !== false, origin: String(issue.origin) } })];
      case 'custom': {
        const { code, ...params } = (issue.params as Record<string, unknown> | undefined) ?? {};
        if (knownFieldErrorCode(code)) {
          const parsed = z.object(FIELD_ERROR_PARAMS[code]).strict().safeParse(params);
          if (parsed.success) return [{ path, code, message, params: parsed.data } as FieldError];
        }
        return [fieldIssue({ path, code: 'invalid', message })];
      }
      default:
        return [fieldIssue({ path, code: 'invalid', message })];
    }
  });
}

function paramOf(value: unknown): string | number | boolean | null {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Enum and literal values are primitives; a bigint becomes a number, anything else its JSON.
  return typeof value === 'bigint' ? Number(value) : JSON.stringify(value);
}
