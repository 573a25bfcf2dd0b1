// Reads a bot's answer to a card callback the way the Feishu client does (reference §2.5): a
// toast, a replacement card, or one of the client-side error codes a person would see.
import { isObj, str } from './render/html.js';
import type { Toast } from './view-types.js';

export interface CallbackAnswer {
  status?: number;
  body: unknown;
  error?: string;
}

const TOAST_TYPES = new Set(['info', 'success', 'error', 'warning']);

/** The error toast Feishu would show for a failed callback, or undefined when it succeeded. */
export function card200Errors(answer: CallbackAnswer, originalSchema: string | undefined): Toast | undefined {
  const fail = (code: number, what: string): Toast => ({ type: 'error', content: `出错了，请稍后重试（${code}：${what}）` });
  if (answer.error) return /timeout|abort/i.test(answer.error) ? fail(200341, '回调 3 秒内未响应') : fail(200342, '无法连接回调地址');
  if (answer.status !== 200) return fail(200671, `回调地址返回 HTTP ${answer.status ?? '?'}`);
  if (answer.body !== undefined && answer.body !== '' && !isObj(answer.body)) return fail(200672, '回调响应格式错误');
  const card = isObj(answer.body) && isObj(answer.body.card) ? answer.body.card : undefined;
  if (card?.type === 'raw') {
    if (!isObj(card.data)) return fail(200673, '回调返回的卡片无效');
    if (originalSchema === '2.0' && card.data.schema !== '2.0') return fail(200830, '2.0 卡片不能更新为 1.0');
  }
  return undefined;
}

export function toastFromAnswer(body: unknown): { toast?: Toast; card?: unknown } {
  if (!isObj(body)) return {};
  const out: { toast?: Toast; card?: unknown } = {};
  if (isObj(body.toast)) {
    const i18n = isObj(body.toast.i18n) ? body.toast.i18n : {};
    const content = str(i18n.zh_cn) ?? str(body.toast.content) ?? str(i18n.en_us);
    const type = str(body.toast.type) ?? 'info';
    if (content) out.toast = { type: (TOAST_TYPES.has(type) ? type : 'info') as Toast['type'], content };
  }
  if (isObj(body.card) && body.card.type === 'raw' && isObj(body.card.data)) out.card = body.card.data;
  return out;
}
