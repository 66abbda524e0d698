/**
 * A webhook receiver of its own process (so a test can kill it): verifies every delivery's Standard
 * Webhooks signature with the `standardwebhooks` library, records it, and answers what it was told.
 *   POST /control {secret?, status?}   set the signing secret to verify with, and the status to answer
 *   GET  /received                     what arrived: [{id, verified, status, body}]
 *   POST /hook                         a delivery
 */
import { type IncomingMessage, createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const port = Number(process.env.RECEIVER_PORT);
let secret = process.env.RECEIVER_SECRET ?? '';
let answer = Number(process.env.RECEIVER_STATUS ?? '204');
const received: { id: string; verified: boolean; status: number; body: unknown }[] = [];

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
  });

createServer((request, response) => {
  void (async () => {
    const body = await readBody(request);
    if (request.url === '/control') {
      const control = JSON.parse(body) as { secret?: string; status?: number };
      secret = control.secret ?? secret;
      answer = control.status ?? answer;
      response.writeHead(204).end();
    } else if (request.url === '/received') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received));
    } else {
      let verified = false;
      try {
        new Webhook(secret).verify(body, request.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      received.push({ id: String(request.headers['webhook-id']), verified, status: answer, body: JSON.parse(body) as unknown });
      response.writeHead(answer).end();
    }
  })();
}).listen(port, '127.0.0.1', () => console.log('listening'));
