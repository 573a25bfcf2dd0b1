// Reply helpers and the common request guard (latency, injected 5xx, auth, per-app rate limits).
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from './context.js';
import { ERR, type FeishuError } from './feishu-errors.js';
import type { EndpointId, RateLimitHit } from './types.js';

const replyCodes = new WeakMap<FastifyRequest, number>();

function logId(): string {
  return `2025${randomBytes(12).toString('hex').toUpperCase()}`;
}

export function codeOf(request: FastifyRequest): number | null {
  return replyCodes.get(request) ?? null;
}

export function endpointOf(request: FastifyRequest): EndpointId | undefined {
  return (request.routeOptions.config as { endpoint?: EndpointId }).endpoint;
}

/** Sends a success body exactly as given (most APIs wrap in {code,msg,data}; token and bot info do not). */
export function sendOk(request: FastifyRequest, reply: FastifyReply, body: Record<string, unknown>): FastifyReply {
  replyCodes.set(request, typeof body.code === 'number' ? body.code : 0);
  return reply.code(200).header('x-tt-logid', logId()).send(body);
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  err: FeishuError,
  headers: Record<string, string> = {},
): FastifyReply {
  replyCodes.set(request, err.code);
  const id = logId();
  return reply
    .code(err.http)
    .headers({ ...headers, 'x-tt-logid': id })
    .send({ code: err.code, msg: err.msg, error: { log_id: id } });
}

function recordHit(ctx: EmulatorContext, endpoint: EndpointId, scope: RateLimitHit['scope'], key: string): void {
  ctx.rateLimitHits.push({ at: ctx.now(), endpoint, scope, key });
}

/** Gateway limits per API per app: 50/s and 1000/min, answered with HTTP 429 + 99991400 (reference §4). */
function appLimit(ctx: EmulatorContext, endpoint: EndpointId): { limit: number; resetMs: number; scope: RateLimitHit['scope'] } | null {
  const second = ctx.limiter.peek(`app-s:${endpoint}`, ctx.limits.appPerSecond, 1000);
  if (!second.allowed) return { limit: ctx.limits.appPerSecond, resetMs: second.resetMs, scope: 'app_second' };
  const minute = ctx.limiter.peek(`app-m:${endpoint}`, ctx.limits.appPerMinute, 60_000);
  if (!minute.allowed) return { limit: ctx.limits.appPerMinute, resetMs: minute.resetMs, scope: 'app_minute' };
  ctx.limiter.take(`app-s:${endpoint}`, ctx.limits.appPerSecond, 1000);
  ctx.limiter.take(`app-m:${endpoint}`, ctx.limits.appPerMinute, 60_000);
  return null;
}

/**
 * Runs the steps every API shares, in the order a gateway would: latency, injected 5xx, token
 * check, app rate limit. Returns false when it has already answered.
 */
export async function guard(
  ctx: EmulatorContext,
  endpoint: EndpointId,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { auth?: boolean } = {},
): Promise<boolean> {
  const latency = ctx.faults.latencyMs(endpoint);
  if (latency > 0) await delay(latency);
  const status = ctx.faults.takeServerError(endpoint);
  if (status !== null) {
    sendError(request, reply, ERR.serverError(status));
    return false;
  }
  if (opts.auth !== false) {
    const check = ctx.faults.takeTokenInvalid(endpoint) ? 'invalid' : ctx.tokens.check(request.headers.authorization);
    if (check !== 'ok') {
      sendError(request, reply, check === 'missing' ? ERR.missingToken : ERR.invalidToken);
      return false;
    }
    const limited = appLimit(ctx, endpoint);
    if (limited) {
      recordHit(ctx, endpoint, limited.scope, endpoint);
      sendError(request, reply, ERR.rateLimited, {
        'x-ogw-ratelimit-limit': String(limited.limit),
        'x-ogw-ratelimit-reset': String(Math.max(1, Math.ceil(limited.resetMs / 1000))),
      });
      return false;
    }
  }
  return true;
}

/** 5 QPS per receiving user/chat, or per card message for PATCH: HTTP 400 + 230020. */
export function receiverLimited(
  ctx: EmulatorContext,
  endpoint: EndpointId,
  scope: 'receiver' | 'message',
  key: string,
): FeishuError | null {
  const limit = scope === 'receiver' ? ctx.limits.perReceiverPerSecond : ctx.limits.perMessagePatchPerSecond;
  if (ctx.limiter.take(`${scope}:${key}`, limit, 1000).allowed) return null;
  recordHit(ctx, endpoint, scope, key);
  return ERR.receiverRateLimited;
}

/**
 * Fault "accept then time out": the effect has happened, but the client never gets the answer.
 * The connection is either left hanging (the client's timeout fires) or destroyed.
 */
export function dropAnswer(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, mode: 'hang' | 'reset'): void {
  const endpoint = endpointOf(request);
  ctx.calls.push({ at: ctx.now(), method: request.method, path: request.url.split('?')[0] ?? request.url, ...(endpoint ? { endpoint } : {}), status: 0, code: null });
  reply.hijack();
  if (mode === 'reset') request.raw.socket.destroy();
}
