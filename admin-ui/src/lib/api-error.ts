import { ERRORS, type ErrorCode, type FieldError, type Problem, problemDetails, problemType } from '@alis/shared';

/** Codes the app gives a request that got no problem from the API: never sent, not answered, or not understood. */
export type ClientErrorCode = 'network_error' | 'invalid_response' | 'http_error';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

type ProblemByCode = { [K in ErrorCode]: Problem<K> } & Record<ClientErrorCode, undefined>;
/** The API's problem body for an API code; nothing for the app's own codes. */
export type ProblemOf<C extends ApiErrorCode> = ProblemByCode[C];

export interface ApiErrorInit<C extends ApiErrorCode> {
  status: number;
  code: C;
  problem: ProblemOf<C>;
  /** Defaults to the problem's `detail`, else its title. */
  detail?: string | undefined;
  requestId?: string | undefined;
  retryAfterSeconds?: number | undefined;
}

/**
 * An error answer from the API (RFC 9457 problem details) typed by its `code`, so that the members
 * a code carries (`existingId`, `allowed` …) are typed once the code is known (see `isProblem`). A
 * request that never got a problem has one of the app's own codes and no `problem`.
 */
export class ApiError<C extends ApiErrorCode = ApiErrorCode> extends Error {
  readonly status: number;
  readonly code: C;
  readonly problem: ProblemOf<C>;
  readonly detail: string;
  /** The problem's `errors[]` (400 and 422), or none. */
  readonly errors: readonly FieldError[];
  readonly requestId: string | undefined;
  /** Seconds from a `Retry-After` header (429, 503), when the API sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit<C>) {
    const problem: Problem | undefined = init.problem;
    const detail = init.detail ?? problem?.detail ?? problem?.title ?? init.code;
    super(detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.problem = init.problem;
    this.detail = detail;
    this.errors = problem && 'errors' in problem ? problem.errors : [];
    this.requestId = init.requestId ?? problem?.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/**
 * Whether the error is the API's problem with one of these codes; narrows it so that what that
 * code carries is typed: `if (isProblem(error, 'already_exists')) error.problem.existingId`.
 */
export function isProblem<C extends ErrorCode>(error: unknown, ...codes: readonly C[]): error is ApiError<C> {
  return isApiError(error) && (codes as readonly string[]).includes(error.code);
}

/** The body the API would have sent for a code whose extra members are all optional. */
export function problemOf<C extends ErrorCode>(code: C, status: number = ERRORS[code].status, detail?: string): Problem<C> {
  // Each code listed by `fallbackCode` (and used by the app itself) has no required extra member.
  return { type: problemType(code), title: ERRORS[code].title, status, code, ...(detail === undefined ? {} : { detail }) } as Problem<C>;
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** What an answer without a problem body (a proxy's page …) means, by its status; these codes carry no required member. */
function fallbackCode(status: number): ErrorCode | undefined {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 412) return 'precondition_failed';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal_error';
  return undefined;
}

/** Turns an error response into an ApiError, reading the problem details body when there is one. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const parsed = problemDetails.safeParse(body);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const requestId = response.headers.get('x-request-id') ?? undefined;
  if (parsed.success) {
    const problem = parsed.data;
    return new ApiError({ status: response.status, code: problem.code, problem, requestId: problem.requestId ?? requestId, retryAfterSeconds });
  }
  const detail = response.statusText || `HTTP ${response.status}`;
  const code = fallbackCode(response.status);
  return code
    ? new ApiError({ status: response.status, code, problem: problemOf(code, response.status, detail), requestId, retryAfterSeconds })
    : new ApiError({ status: response.status, code: 'http_error', problem: undefined, detail, requestId, retryAfterSeconds });
}

export function networkError(cause: unknown): ApiError<'network_error'> {
  const error = new ApiError({
    status: 0,
    code: 'network_error',
    problem: undefined,
    detail: cause instanceof Error ? cause.message : 'The request failed',
  });
  error.cause = cause;
  return error;
}

/** The API's answer could not be read as the contract says it should be. */
export const invalidResponse = (status: number, detail: string, requestId?: string) =>
  new ApiError({ status, code: 'invalid_response', problem: undefined, detail, requestId });

const formatDay = (value: string | null | undefined) => (value ? value.split('-').reverse().join('.') : '');

/** A 409 `conflict` in Norwegian, from its `reason` and the members that go with it. */
function conflictText(problem: Problem<'conflict'>): string {
  switch (problem.reason) {
    case 'created_concurrently':
      return 'Noen andre registrerte det samme i samme øyeblikk. Prøv igjen.';
    case 'last_admin':
      return 'Dette er den siste aktive administratoren. Gjør en annen bruker til administrator først.';
    case 'agreement_closed':
      return 'Avtalen er avsluttet, så dette kan ikke endres lenger.';
    case 'open_ended_veileder':
      return 'Avtalen har allerede en veileder uten sluttdato. Avslutt den veiledningen først.';
    case 'one_veileder_at_a_time': {
      const period = problem.from ? ` (${formatDay(problem.from)}–${problem.to ? formatDay(problem.to) : 'uten sluttdato'})` : '';
      const where = problem.kommunenummer ? ` i avtalen i kommune ${problem.kommunenummer}` : '';
      return `ALIS-en har allerede veilederen ${problem.supervisorName ?? ''}${period}${where}. En ALIS har én veileder om gangen; avslutt den veiledningen først.`.replace('  ', ' ');
    }
    case 'application_not_draft':
      return 'Søknaden er ikke lenger et utkast, så linjene og notatene kan ikke endres.';
    case 'application_not_granted':
      return 'Revisorerklæring registreres først når tilskudd er innvilget.';
    default:
      return 'Endringen er i konflikt med andre data. Last inn siden på nytt og prøv igjen.';
  }
}

/**
 * A message for people, in Norwegian, for any error a request can end with: from the problem's stable
 * `code` (and its members), never the API's English `detail`.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Noe gikk galt. Prøv igjen, eller last inn siden på nytt.';
  if (error.status === 0) return 'Får ikke kontakt med serveren. Sjekk nettforbindelsen og prøv igjen.';
  if (isProblem(error, 'invalid_credentials')) return 'Feil e-post eller passord.';
  if (error.status === 401) return 'Du er ikke logget inn, eller økten er utløpt.';
  if (error.status === 403) return 'Du har ikke tilgang til dette.';
  if (error.status === 404) return 'Fant ikke det du ba om.';
  if (error.status === 429) {
    return error.retryAfterSeconds !== undefined
      ? `For mange forespørsler, prøv igjen om ${error.retryAfterSeconds} sekunder.`
      : 'For mange forespørsler, prøv igjen om litt.';
  }
  if (error.status >= 500) return 'Noe gikk galt på serveren. Prøv igjen om litt.';
  if (isProblem(error, 'conflict')) return conflictText(error.problem);
  if (isProblem(error, 'already_exists')) return 'Dette finnes allerede.';
  if (isProblem(error, 'illegal_transition')) return 'Statusen kan ikke endres slik nå. Last inn siden på nytt.';
  if (isProblem(error, 'idempotency_in_flight')) return 'Den samme forespørselen behandles fortsatt. Vent litt og prøv igjen.';
  if (isProblem(error, 'idempotency_key_reused')) return 'Forespørselen kolliderte med en tidligere. Last inn siden på nytt og prøv igjen.';
  if (isProblem(error, 'precondition_failed')) return 'Noen andre har endret dette i mellomtiden. Last inn på nytt og prøv igjen.';
  if (isProblem(error, 'gone')) return 'Dette finnes ikke lenger.';
  if (isProblem(error, 'payload_too_large')) return 'Det du sendte er for stort.';
  if (isProblem(error, 'invalid_cursor')) return 'Sidevisningen er utdatert. Gå tilbake til første side.';
  if (error.status === 400 || error.status === 422) return 'Forespørselen ble avvist. Sjekk det du har fylt ut, og prøv igjen.';
  return `Forespørselen ble avvist (HTTP ${error.status}).`;
}
