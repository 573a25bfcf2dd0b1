// The sandbox page's HTTP surface on the emulator: the page and its assets at `/`, and small
// JSON endpoints under /_sandbox/* that act for the person the page is being.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { pageAssets } from './page-assets.js';
import type { SandboxPageDeps } from './page-deps.js';
import { PageError, SandboxPageService } from './page-service.js';

const openId = z.string().regex(/^ou_[\w-]{1,64}$/);
const sendBody = z.object({ as: openId, text: z.string().trim().min(1).max(4000), mentionBot: z.boolean().default(true) });
const menuBody = z.object({ as: openId, key: z.string().min(1).max(64) });
const formValue = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()]));
const actionBody = z.object({
  as: openId,
  messageId: z.string().min(1).max(64),
  tag: z.string().min(1).max(40),
  name: z.string().max(100).optional(),
  value: z.unknown().optional(),
  formValue: formValue.optional(),
  option: z.string().max(200).optional(),
  options: z.array(z.string().max(200)).max(100).optional(),
  inputValue: z.string().max(4000).optional(),
  checked: z.boolean().optional(),
});
const pushBody = z.object({ period: z.string().regex(/^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/) });

export const MENU = [
  { key: 'help', label: '帮助' },
  { key: 'points', label: '积分' },
  { key: 'record', label: '记录' },
  { key: 'my-records', label: '我的记录' },
  { key: 'pledges', label: '承诺' },
  { key: 'board', label: '排行' },
  { key: 'pending', label: '待审' },
  { key: 'branch', label: '支部' },
  { key: 'party-days', label: '党日' },
] as const;

// Shown for image keys the emulator does not hold (a card may name any key).
const MISSING_IMAGE = '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120"><rect width="100%" height="100%" fill="#eff0f1"/><text x="50%" y="55%" text-anchor="middle" font-size="14" fill="#8f959e">图片</text></svg>';

function fail(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof z.ZodError) return reply.code(400).send({ error: 'invalid request', issues: err.issues.map((i) => i.message) });
  if (err instanceof PageError) return reply.code(err.statusCode).send({ error: err.message });
  throw err;
}

export function registerSandboxPage(app: FastifyInstance, deps: SandboxPageDeps): SandboxPageService {
  const service = new SandboxPageService(deps);
  const assets = pageAssets();

  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await assets.html()));
  app.get('/assets/app.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(await assets.script()));
  app.get('/assets/app.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(await assets.styles()));

  app.get('/_sandbox/health', async () => ({ sandbox: true, ...deps.health }));
  app.get('/_sandbox/info', async () => ({ bot: { name: deps.control.app.botName, openId: deps.control.app.botOpenId }, menu: MENU }));

  app.get('/_sandbox/people', async (request) => {
    const q = request.query as { q?: string; limit?: string };
    return service.searchPeople(String(q.q ?? ''), Math.min(Math.max(Number(q.limit) || 50, 1), 200));
  });

  app.get('/_sandbox/chats/:chatId/messages', async (request, reply) => {
    const { chatId } = request.params as { chatId: string };
    const body = JSON.stringify({ chatId, messages: service.messages(chatId) });
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').header('etag', etag).header('cache-control', 'no-cache').send(body);
  });

  app.post('/_sandbox/chats/:chatId/messages', async (request, reply) => {
    try {
      const body = sendBody.parse(request.body);
      return await service.sendText(body.as, (request.params as { chatId: string }).chatId, body.text, body.mentionBot);
    } catch (err) {
      return fail(reply, err);
    }
  });

  app.post('/_sandbox/menu', async (request, reply) => {
    try {
      const body = menuBody.parse(request.body);
      return { delivery: await service.tapMenu(body.as, body.key) };
    } catch (err) {
      return fail(reply, err);
    }
  });

  app.post('/_sandbox/card-actions', async (request, reply) => {
    try {
      return await service.cardAction(actionBody.parse(request.body) as Parameters<SandboxPageService['cardAction']>[0]);
    } catch (err) {
      return fail(reply, err);
    }
  });

  app.get('/_sandbox/pushes', async () => deps.pushes.view());
  app.post('/_sandbox/pushes/:kind', async (request, reply) => {
    try {
      const { kind } = request.params as { kind: string };
      if (!deps.pushes.view().kinds.some((k) => k.kind === kind)) throw new PageError(404, `unknown push kind ${kind}`);
      return await deps.pushes.run(kind, pushBody.parse(request.body).period);
    } catch (err) {
      return fail(reply, err);
    }
  });

  app.get('/_sandbox/images/:key', async (request, reply) => {
    const image = deps.control.image((request.params as { key: string }).key);
    if (!image) return reply.type('image/svg+xml').send(MISSING_IMAGE);
    // Uploaded bytes are served only as images, never as something a browser would run.
    const type = /^image\/(png|jpeg|gif|webp|bmp)$/.test(image.contentType) ? image.contentType : 'application/octet-stream';
    return reply.type(type).header('x-content-type-options', 'nosniff').send(image.bytes);
  });

  // Files the bot sent (exports, the evaluation template): always a download, never rendered by the browser.
  app.get('/_sandbox/files/:key', async (request, reply) => {
    const file = deps.control.file((request.params as { key: string }).key);
    if (!file) return reply.code(404).send({ error: 'no such file' });
    const name = encodeURIComponent(file.fileName ?? 'file');
    return reply
      .type('application/octet-stream')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="download"; filename*=UTF-8''${name}`)
      .send(file.bytes);
  });
  return service;
}
