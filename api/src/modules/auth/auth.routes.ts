import fastifyCookie from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changePasswordRequest, loginRequest, loginResponse, me } from '@alis/shared';
import { contextOf, requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';
import type { Session } from './auth.service.js';

export const REFRESH_COOKIE = 'alis_refresh';
const COOKIE_PATH = '/api/v1/auth';

export const authRoutes = moduleRoutes({ tags: ['auth'] }, async (route, { auth: service }, app) => {
  // Only these routes read or set a cookie (the refresh token's): the plugin's hooks stay off every other request.
  await app.register(fastifyCookie);
  const { config } = app;
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

  route.post(
    '/auth/login',
    {
      summary: 'Log in with e-mail and password',
      description: 'Returns a short-lived access token and sets the refresh token as an httpOnly cookie.',
      public: true,
      body: loginRequest,
      response: loginResponse,
      errors: [400, 401, 429],
    },
    async (request, reply) => sendSession(reply, await service.login(request.body.email, request.body.password, request.ip)),
  );

  route.post(
    '/auth/refresh',
    {
      summary: 'Get a new access token with the refresh cookie (rotates the cookie)',
      public: true,
      response: loginResponse,
      errors: [401, 429],
    },
    async (request, reply) => {
      let session: Session;
      try {
        session = await service.refresh(request.cookies[REFRESH_COOKIE]);
      } catch (error) {
        reply.clearCookie(REFRESH_COOKIE, cookieOptions);
        throw error;
      }
      return sendSession(reply, session);
    },
  );

  route.post(
    '/auth/logout',
    { summary: 'End the session of the refresh cookie', public: true, response: z.null().describe('No content'), status: 204 },
    async (request, reply) => {
      await service.logout(request.cookies[REFRESH_COOKIE]);
      return reply.clearCookie(REFRESH_COOKIE, cookieOptions).code(204).send(null);
    },
  );

  route.post(
    '/auth/password',
    {
      summary: 'Change your own password (staff)',
      description:
        'With the current password. Every session of the user ends (other devices too); the response is a new session for this caller, ' +
        'as after a login (new access token and refresh cookie). Clears `mustChangePassword`. A wrong current password is 400 on ' +
        '`currentPassword` (`not_allowed`, reason `wrong_password`), counted like failed logins.',
      body: changePasswordRequest,
      response: loginResponse,
      // One's own password, whatever the role may change elsewhere (the directorate has no `write` scope).
      scope: 'read',
      errors: [400, 429],
    },
    async (request, reply) => sendSession(reply, await service.changePassword(contextOf(request), request.body, request.ip)),
  );

  route.get(
    '/me',
    { summary: 'Who the access token belongs to', response: me },
    (request) => service.me(requirePrincipal(request)),
  );
});
