// ADMIN_TOKEN for /admin/*: as a bearer token (scripts, Prometheus) or as the password of HTTP
// Basic auth (a browser opening Bull Board, which then sends it with every asset and API call).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function presentedToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** An onRequest hook: 401 (with a Basic challenge for browsers) unless the token matches. */
export function requireAdminToken(adminToken: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = presentedToken(request.headers.authorization);
    if (token !== undefined && same(token, adminToken)) return;
    await reply.status(401).header('www-authenticate', 'Basic realm="vanguard admin", charset="UTF-8"').send({ error: 'unauthorized' });
  };
}
