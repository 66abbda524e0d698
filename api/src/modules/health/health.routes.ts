import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemDetails } from '@alis/shared';
import { DATABASE_RETRY_AFTER_SECONDS } from '../../lib/database-errors.js';
import { sendProblem } from '../../plugins/errors.js';

const status = z.object({ status: z.enum(['ok']) });

export async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health/live',
    { logLevel: 'warn', schema: { tags: ['health'], summary: 'The process is up', response: { 200: status } } },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/health/ready',
    {
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'The database answers',
        response: { 200: status, 503: problemDetails },
      },
    },
    async (request, reply) => {
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
