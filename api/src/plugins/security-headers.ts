import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Helmet's header set, computed once at start-up: building it per request (as @fastify/helmet does)
 * cost a fifth of a key lookup's time in the benchmark.
 */
export function securityHeaders(production: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    // Swagger UI at /api/docs and React's style attributes need inline styles.
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    // No upgrade-insecure-requests: the system also runs on plain http://localhost.
  ].join(';');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export default fp<{ production: boolean }>(
  (app: FastifyInstance, options, done) => {
    const headers = securityHeaders(options.production);
    app.addHook('onRequest', (request, reply, next) => {
      reply.headers(headers);
      reply.header('x-request-id', request.id);
      next();
    });
    done();
  },
  { name: 'security-headers' },
);
