import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginRequest, loginResponse, me } from '@alis/shared';
import { requirePrincipal } from '../../lib/request-context.js';
import { AUTHENTICATED, problems } from '../../lib/route-helpers.js';
import type { Session } from './auth.service.js';

export const REFRESH_COOKIE = 'alis_refresh';
const COOKIE_PATH = '/api/v1/auth';

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app;
  const service = app.services.auth;
  const tags = ['auth'];
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.NODE_ENV === 'production',
    path: COOKIE_PATH,
  };

  const sendSession = (reply: FastifyReply, session: Session) =>
    reply
      .header('cache-control', 'no-store')
      .setCookie(REFRESH_COOKIE, session.refreshToken, { ...cookieOptions, expires: session.refreshExpiresAt })
      .send(session.body);

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Log in with e-mail and password',
        description: 'Returns a short-lived access token and sets the refresh token as an httpOnly cookie.',
        security: [],
        body: loginRequest,
        response: { 200: loginResponse, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => sendSession(reply, await service.login(request.body.email, request.body.password, request.ip)),
  );

  app.post(
    '/auth/refresh',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Get a new access token with the refresh cookie (rotates the cookie)',
        security: [],
        response: { 200: loginResponse, ...problems(401, 429) },
      },
    },
    async (request, reply) => {
      try {
        return sendSession(reply, await service.refresh(request.cookies[REFRESH_COOKIE]));
      } catch (error) {
        reply.clearCookie(REFRESH_COOKIE, cookieOptions);
        throw error;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: { tags, summary: 'End the session of the refresh cookie', security: [], response: { 204: z.null().describe('No content') } },
    },
    async (request, reply) => {
      await service.logout(request.cookies[REFRESH_COOKIE]);
      return reply.clearCookie(REFRESH_COOKIE, cookieOptions).code(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags, summary: 'Who the access token belongs to', response: { 200: me, ...problems(...AUTHENTICATED) } } },
    async (request) => service.me(requirePrincipal(request)),
  );
}
