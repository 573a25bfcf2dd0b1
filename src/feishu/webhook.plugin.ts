// POST /feishu/events and POST /feishu/cards: raw body → verifyInbound → status → durable claim
// and enqueue (events) or the action's answer (card clicks). An encapsulated plugin, so the
// raw-string body parser applies to these two routes only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActionDefinition } from '../bot/actions/action.js';
import { t } from '../bot/messages/index.js';
import { answerCardAction } from '../pipeline/card-callback.js';
import { ingestEvent } from '../pipeline/ingest-event.js';
import type { InboundConfig } from './verify-inbound.js';
import { verifyInbound } from './verify-inbound.js';

export interface WebhookOptions {
  /** The card-action table (src/bot/actions). */
  actions: readonly ActionDefinition[];
  /** The clock handed to card actions (tests set one). */
  now?: () => Date;
}

export async function feishuWebhookRoutes(app: FastifyInstance, options: WebhookOptions): Promise<void> {
  // The signature covers the exact bytes, so the body must reach us unparsed, whatever its type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const { feishu, timeZone } = app.config;
  const inbound: InboundConfig = {
    verificationToken: feishu.verificationToken,
    encryptKey: feishu.encryptKey,
    signatureWindowSeconds: feishu.signatureMaxAgeSeconds,
  };

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const result = verifyInbound({ rawBody, headers: request.headers }, inbound);
    if (!result.ok) {
      // Reason and schema paths only: never the body, the headers or anything decrypted. (The
      // field is not called `reason`: the logger redacts that name as possible personal data.)
      request.log.info({ status: result.status, refusal: result.reason, detail: result.detail }, 'feishu request refused');
      return reply.status(result.status).send({ error: result.status === 401 ? 'UNAUTHORIZED' : 'BAD_REQUEST', message: result.reason });
    }
    if (result.kind === 'challenge') return { challenge: result.challenge };
    if (result.kind === 'card') {
      try {
        return await answerCardAction(
          {
            db: app.db,
            queues: app.queues,
            actions: options.actions,
            timeZone,
            ...(options.now ? { now: options.now } : {}),
            onError: (err) => request.log.error({ err }, 'card action failed'),
            onWarning: (message, err) => request.log.warn({ err }, message),
          },
          result.action,
        );
      } catch (err) {
        // Feishu never retries a callback: tell the person plainly that nothing happened.
        request.log.error({ err }, 'card action not answered');
        return { toast: { type: 'error', content: t.common.errors.busy } };
      }
    }
    const { event } = result;
    try {
      const outcome = await ingestEvent({ db: app.db, queues: app.queues, onWarning: (message, err) => request.log.warn({ err }, message) }, event);
      request.log.info({ eventType: event.eventType, outcome }, outcome === 'ignored' ? 'feishu event of an unhandled type' : 'feishu event');
      return {};
    } catch (err) {
      // Not durable: a 5xx makes Feishu deliver it again (15 s, 5 min, 1 h, 6 h).
      request.log.error({ err, eventType: event.eventType }, 'feishu event not stored; asking Feishu to retry');
      return reply.status(503).send({ error: 'UNAVAILABLE', message: 'try again later' });
    }
  };

  app.post('/feishu/events', handle);
  app.post('/feishu/cards', handle);
}
