// How the page reads a bot's answer to a card callback: toast, replacement card, or the error code
// the Feishu client would show (reference §2.5).
import { describe, expect, it } from 'vitest';
import { card200Errors, toastFromAnswer } from '../../../src/emulator/web/callback-answer.js';

describe('card200Errors', () => {
  it('maps failures to the client-side codes', () => {
    expect(card200Errors({ error: 'TimeoutError: aborted', body: undefined }, '2.0')?.content).toContain('200341');
    expect(card200Errors({ error: 'TypeError: fetch failed', body: undefined }, '2.0')?.content).toContain('200342');
    expect(card200Errors({ status: 404, body: {} }, '2.0')?.content).toContain('200671');
    expect(card200Errors({ status: 200, body: 'oops' }, '2.0')?.content).toContain('200672');
    expect(card200Errors({ status: 200, body: { card: { type: 'raw', data: { elements: [] } } } }, '2.0')?.content).toContain('200830');
  });

  it('accepts an empty answer, a toast, or a 2.0 card replacing a 2.0 card', () => {
    expect(card200Errors({ status: 200, body: {} }, '2.0')).toBeUndefined();
    expect(card200Errors({ status: 200, body: { card: { type: 'raw', data: { schema: '2.0', body: { elements: [] } } } } }, '2.0')).toBeUndefined();
  });
});

describe('toastFromAnswer', () => {
  it('prefers the zh_cn toast text and passes the raw card through', () => {
    const answer = { toast: { type: 'success', content: 'Saved', i18n: { zh_cn: '已保存' } }, card: { type: 'raw', data: { schema: '2.0' } } };
    expect(toastFromAnswer(answer)).toEqual({ toast: { type: 'success', content: '已保存' }, card: { schema: '2.0' } });
  });

  it('ignores unknown toast types and template cards', () => {
    expect(toastFromAnswer({ toast: { type: 'party', content: 'x' }, card: { type: 'template', data: {} } })).toEqual({ toast: { type: 'info', content: 'x' } });
  });
});
