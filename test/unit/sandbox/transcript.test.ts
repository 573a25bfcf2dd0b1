// What the page lists per chat: typed messages, menu notes and bot messages in order, with a card
// replaced by a callback answer until a later PATCH replaces it again.
import { describe, expect, it } from 'vitest';
import type { RecordedMessage } from '../../../src/emulator/types.js';
import { Transcript } from '../../../src/emulator/web/transcript.js';

function botCard(id: string, at: number, content: unknown, updateTime = at): RecordedMessage {
  return { messageId: id, source: 'reply', chatId: 'oc_1', chatType: 'p2p', msgType: 'interactive', content: JSON.stringify(content), parsed: content, createTime: at, updateTime, revisions: [] };
}

describe('Transcript', () => {
  it('orders typed messages before the replies sent in the same millisecond', () => {
    let now = 1000;
    const bot = [botCard('om_bot', 1000, { v: 1 })];
    const t = new Transcript({ messagesInChat: () => bot }, () => now);
    t.recordTyped({ messageId: 'om_me', chatId: 'oc_1', senderOpenId: 'ou_a', text: '帮助', delivery: { ok: true, status: 200 } });
    now = 1001;
    t.recordNote('oc_1', '点了菜单“积分”', { ok: true });
    t.recordNote('oc_other', 'elsewhere', { ok: true });
    const view = t.view('oc_1', (id) => (id === 'ou_a' ? '张三' : undefined));
    expect(view.map((m) => [m.from, m.messageId.startsWith('note_') ? 'note' : m.messageId])).toEqual([
      ['user', 'om_me'],
      ['bot', 'om_bot'],
      ['system', 'note'],
    ]);
    expect(view[0]).toMatchObject({ senderName: '张三', text: '帮助', delivery: { ok: true, status: 200 } });
  });

  it('shows a callback replacement until a later update of the message', () => {
    let now = 2000;
    const message = botCard('om_c', 1000, { v: 'sent' });
    const t = new Transcript({ messagesInChat: () => [message] }, () => now);
    t.replaceCard('om_c', { v: 'callback' });
    expect(t.view('oc_1', () => undefined)[0]).toMatchObject({ content: { v: 'callback' }, updated: true, updateTime: 2000 });
    message.parsed = { v: 'patched' };
    message.updateTime = 3000;
    message.revisions.push({ at: 3000, content: '{}', via: 'patch' });
    now = 3500;
    expect(t.view('oc_1', () => undefined)[0]).toMatchObject({ content: { v: 'patched' }, updated: true });
  });
});
