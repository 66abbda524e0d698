import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type ErrorCode, type FieldError, type ProblemDetails, problemType } from '@alis/shared';
import { AppError, titleOf } from '../lib/app-error.js';

const CONTEXT_LABEL: Record<string, string> = {
  body: 'request body',
  querystring: 'query string',
  params: 'path',
  headers: 'headers',
};

function fieldErrorsOf(error: FastifyError): FieldError[] {
  return (error.validation ?? []).flatMap((issue) => {
    const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const params = issue.params as { keys?: unknown };
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
      return params.keys.map((key) => ({ path: base ? `${base}.${String(key)}` : String(key), message: 'unknown field' }));
    }
    return [{ path: base, message: issue.message ?? 'invalid' }];
  });
}

/** SQLSTATE of text the database cannot store, such as a NUL byte ("\u0000") sent by a client. */
const CHARACTER_NOT_IN_REPERTOIRE = '22021';

/** The database's SQLSTATE of an error, also when drizzle wraps it (`DrizzleQueryError.cause`). */
function sqlStateOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 3; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Maps Fastify's own errors (body parsing, limits) to our codes; anything else is internal. */
function codeOfFastifyError(error: FastifyError): ErrorCode {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'bad_request';
    default:
      if (error.statusCode === 429) return 'rate_limited';
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return error instanceof SyntaxError ? 'bad_request' : 'bad_request';
      }
      return 'internal_error';
  }
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  status: number,
  detail: string | undefined,
  extra: Record<string, unknown> = {},
) {
  const body: ProblemDetails = {
    type: problemType(code),
    title: titleOf(code),
    status,
    ...(detail ? { detail } : {}),
    instance: request.url.split('?')[0],
    code,
    requestId: request.id,
    ...extra,
  };
  return reply.code(status).type('application/problem+json').serializer(JSON.stringify).send(body);
}

export default fp(
  (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        const { headers, ...extra } = error.extra;
        if (headers) reply.headers(headers);
        if (error.status >= 500) request.log.error({ err: error }, 'request failed');
        return sendProblem(request, reply, error.code, error.status, error.message, extra);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const where = CONTEXT_LABEL[error.validationContext ?? 'body'] ?? 'request';
        return sendProblem(request, reply, 'validation_failed', 400, `The ${where} has invalid fields.`, {
          errors: fieldErrorsOf(error),
        });
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
        return sendProblem(request, reply, 'internal_error', 500, 'The server failed to produce a valid response.');
      }
      if (sqlStateOf(error) === CHARACTER_NOT_IN_REPERTOIRE) {
        return sendProblem(request, reply, 'bad_request', 400, 'The request holds a character that cannot be stored, such as a NUL byte.');
      }
      const code = codeOfFastifyError(error);
      const status = code === 'internal_error' ? 500 : (error.statusCode ?? 400);
      if (status >= 500) {
        request.log.error({ err: error }, 'unhandled error');
        // A 5xx never shows internals.
        return sendProblem(request, reply, 'internal_error', 500, 'Something went wrong on our side. Quote the request id if you contact us.');
      }
      return sendProblem(request, reply, code, status, error.message);
    });
  },
  { name: 'errors' },
);
