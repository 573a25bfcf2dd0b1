// Tenant token (§3.1), contact batch_get_id (§3.7) and bot info (reference §2.1: note `bot`, not `data`).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import type { FeishuError } from './feishu-errors.js';
import { ERR } from './feishu-errors.js';
import { guard, sendError, sendOk } from './http.js';
import type { EmulatorUser } from './types.js';

type Obj = Record<string, unknown>;

const fieldValidation: FeishuError = { http: 400, code: 99992402, msg: 'field validation failed' };

function status(u: EmulatorUser): Obj {
  return { is_frozen: false, is_resigned: Boolean(u.resigned), is_activated: !u.resigned, is_exited: false, is_unjoin: false };
}

export function registerContactRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/open-apis/auth/v3/tenant_access_token/internal', { config: { endpoint: 'auth.tenant_token' } }, async (request, reply) => {
    if (!(await guard(ctx, 'auth.tenant_token', request, reply, { auth: false }))) return reply;
    const body = (request.body ?? {}) as Obj;
    if (body.app_id !== ctx.app.appId) return sendError(request, reply, ERR.badAppId);
    if (body.app_secret !== ctx.app.appSecret) return sendError(request, reply, ERR.badAppSecret);
    const { token, expire } = ctx.tokens.issue();
    // Token endpoints put their fields at the top level, not under `data`.
    return sendOk(request, reply, { code: 0, msg: 'ok', tenant_access_token: token, expire });
  });

  app.post('/open-apis/contact/v3/users/batch_get_id', { config: { endpoint: 'contact.batch_get_id' } }, async (request, reply) => {
    if (!(await guard(ctx, 'contact.batch_get_id', request, reply))) return reply;
    const idType = (request.query as Obj).user_id_type ?? 'open_id';
    if (idType !== 'open_id' && idType !== 'union_id' && idType !== 'user_id') return sendError(request, reply, fieldValidation);
    const body = (request.body ?? {}) as Obj;
    const emails = body.emails ?? [];
    const mobiles = body.mobiles ?? [];
    const valid = (l: unknown): l is string[] => Array.isArray(l) && l.length <= 50 && l.every((x) => typeof x === 'string');
    if (!valid(emails) || !valid(mobiles) || emails.length + mobiles.length === 0) return sendError(request, reply, fieldValidation);
    const includeResigned = body.include_resigned === true;
    const idOf = (u: EmulatorUser): string => (idType === 'open_id' ? u.openId : idType === 'union_id' ? u.unionId : u.userId);
    // Users outside the app's contact scope come back without user_id, indistinguishable from unknown ones.
    const visible = (u: EmulatorUser | undefined): u is EmulatorUser =>
      u !== undefined && u.available !== false && (includeResigned || !u.resigned);
    const entry = (u: EmulatorUser | undefined, key: Obj): Obj =>
      visible(u) ? { user_id: idOf(u), ...key, status: status(u) } : key;
    const userList = [
      ...emails.map((email) => entry(ctx.directory.findUser('email', email), { email })),
      ...mobiles.map((mobile) => entry(ctx.directory.findByMobile(mobile), { mobile })),
    ];
    return sendOk(request, reply, { code: 0, msg: 'success', data: { user_list: userList } });
  });

  app.get('/open-apis/bot/v3/info', { config: { endpoint: 'bot.info' } }, async (request, reply) => {
    if (!(await guard(ctx, 'bot.info', request, reply))) return reply;
    return sendOk(request, reply, {
      code: 0,
      msg: 'ok',
      bot: {
        activate_status: 2,
        app_name: ctx.app.botName,
        avatar_url: '',
        ip_white_list: [],
        open_id: ctx.app.botOpenId,
      },
    });
  });
}
