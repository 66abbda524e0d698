import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../lib/route-helpers.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../../lib/database-errors.js';
import { sendProblem } from '../../plugins/errors.js';

const status = z.object({ status: z.enum(['ok']) });
const noQuery = z.object({}).strict();

export async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health/live',
    { logLevel: 'warn', schema: { tags: ['health'], summary: 'The process is up', querystring: noQuery, response: { 200: status, ...problems(400) } } },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/health/ready',
    {
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'The database answers',
        querystring: noQuery,
        response: { 200: status, ...problems(400, 503) },
      },
    },
    async (request, reply) => {
      if (app.draining) {
        reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        return sendProblem(request, reply, 'service_unavailable', 'This instance is shutting down.');
      }
      try {
        await app.database.ping();
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        return sendProblem(request, reply, 'service_unavailable', 'The database does not answer.');
      }
    },
  );
}
