// Small JSON endpoints under /_emulator/* so the sandbox page (and curl) can see and steer the emulator.
import type { FastifyInstance } from 'fastify';
import type { EmulatorControl } from './control.js';
import type { UserSeed } from './directory.js';
import type { FaultSpec } from './faults.js';
import type { EmulatorChat, EndpointId } from './types.js';

type Obj = Record<string, unknown>;

const ENDPOINTS: readonly EndpointId[] = [
  'auth.tenant_token',
  'im.message.create',
  'im.message.reply',
  'im.message.patch',
  'card.delayed_update',
  'message.batch_send',
  'im.image.create',
  'im.message_resource.get',
  'contact.batch_get_id',
  'bot.info',
];

function asList<T>(body: unknown): T[] {
  return (Array.isArray(body) ? body : [body]) as T[];
}

export function registerControlRoutes(app: FastifyInstance, control: EmulatorControl): void {
  app.get('/_emulator/state', async () => ({
    app: { appId: control.app.appId, botName: control.app.botName, botOpenId: control.app.botOpenId },
    users: control.users(),
    chats: control.chats(),
    tokensIssued: control.tokensIssued(),
    faults: control.faults.list(),
  }));

  app.get('/_emulator/messages', async (request) => {
    const q = request.query as Obj;
    if (typeof q.user === 'string') return control.messagesTo(q.user);
    if (typeof q.chat === 'string') return control.messagesInChat(q.chat);
    return control.messages();
  });

  app.get('/_emulator/calls', async (request) => {
    const endpoint = (request.query as Obj).endpoint;
    return control.calls(ENDPOINTS.includes(endpoint as EndpointId) ? (endpoint as EndpointId) : undefined);
  });

  app.get('/_emulator/rate-limit-hits', async () => control.rateLimitHits());

  app.post('/_emulator/users', async (request) => asList<UserSeed>(request.body).map((u) => control.addUser(u)));

  app.post('/_emulator/chats', async (request) => asList<EmulatorChat>(request.body).map((c) => control.addChat(c)));

  app.put('/_emulator/faults/:endpoint', async (request, reply) => {
    const endpoint = (request.params as { endpoint: string }).endpoint as EndpointId;
    if (!ENDPOINTS.includes(endpoint)) return reply.code(404).send({ error: `unknown endpoint; one of ${ENDPOINTS.join(', ')}` });
    control.faults.set(endpoint, (request.body ?? {}) as FaultSpec);
    return control.faults.list();
  });

  app.delete('/_emulator/faults', async () => {
    control.faults.clear();
    return {};
  });

  app.post('/_emulator/tokens/expire', async () => {
    control.expireTokens();
    return {};
  });

  app.post('/_emulator/card-tokens', async (request, reply) => {
    const messageId = ((request.body ?? {}) as Obj).message_id;
    if (typeof messageId !== 'string') return reply.code(400).send({ error: 'message_id required' });
    return { token: control.issueCardToken(messageId) };
  });

  app.post('/_emulator/reset', async () => {
    control.reset();
    return {};
  });
}
