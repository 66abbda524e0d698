import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { type TokenResponse, oauthError, tokenRequest, tokenResponse } from '@alis/shared';
import { isAppError } from '../../lib/app-error.js';
import { type ClientCredentials, OAuthError } from './oauth.service.js';

/** Credentials from HTTP Basic (RFC 6749 § 2.3.1, form-encoded parts) or from the body. */
function credentialsOf(request: FastifyRequest, body: z.infer<typeof tokenRequest>): ClientCredentials & { basic: boolean } {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    if (body.client_secret !== undefined) throw new OAuthError('invalid_request', 'Use one client authentication method, not two.');
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1) throw new OAuthError('invalid_client', 'Malformed Basic credentials.');
    const decode = (part: string) => {
      try {
        return decodeURIComponent(part.replaceAll('+', ' '));
      } catch {
        throw new OAuthError('invalid_client', 'Malformed Basic credentials.');
      }
    };
    return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)), basic: true };
  }
  if (!body.client_id || !body.client_secret) {
    throw new OAuthError('invalid_client', 'Authenticate with HTTP Basic or with client_id and client_secret in the body.');
  }
  return { clientId: body.client_id, clientSecret: body.client_secret, basic: false };
}

export async function oauthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = app.services.oauth;

  const sendOAuthError = (reply: FastifyReply, error: OAuthError, basic: boolean) => {
    const status = error.error === 'invalid_client' ? 401 : 400;
    if (status === 401) reply.header('www-authenticate', basic ? 'Basic realm="alis"' : 'Bearer realm="alis"');
    return reply.code(status).header('cache-control', 'no-store').send({ error: error.error, error_description: error.description });
  };

  app.post(
    '/oauth/token',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'OAuth 2.0 client credentials grant (RFC 6749 § 4.4)',
        description:
          'Form-encoded body `grant_type=client_credentials`; authenticate with HTTP Basic (preferred) or `client_id`/`client_secret` in the body. ' +
          'Optional `scope` narrows the token (municipality clients: `read write`; directorate: `read decide`).',
        security: [],
        consumes: ['application/x-www-form-urlencoded'],
        body: tokenRequest,
        response: { 200: tokenResponse, 400: oauthError, 401: oauthError, 429: oauthError },
      },
      // A body that is not a form at all is still answered in OAuth's format.
      // A body it cannot read is answered in OAuth's format too; a body too large, of a type it does not
      // take, or headers too large stay problems (they are refused before the endpoint is reached).
      errorHandler: (error, _request, reply) => {
        const status = isAppError(error) ? error.status : error.statusCode;
        if (!error.validation && status !== 400) throw error;
        void sendOAuthError(reply, new OAuthError('invalid_request', 'The request body must be form-encoded token parameters.'), false);
      },
    },
    async (request, reply) => {
      let basic = false;
      let token: TokenResponse;
      try {
        await service.limitAddress(request.ip);
        const body = request.body;
        const credentials = credentialsOf(request, body);
        basic = credentials.basic;
        if (!body.grant_type) throw new OAuthError('invalid_request', 'grant_type is required.');
        if (body.grant_type !== 'client_credentials') {
          throw new OAuthError('unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
        }
        token = await service.clientCredentialsGrant(credentials, body.scope, request.ip);
      } catch (error) {
        if (error instanceof OAuthError) return sendOAuthError(reply, error, basic);
        if (isAppError(error) && error.code === 'rate_limited') {
          return reply
            .code(429)
            .headers(error.extra.headers ?? {})
            .send({ error: 'temporarily_unavailable', error_description: error.message });
        }
        throw error;
      }
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(token);
    },
  );
}
