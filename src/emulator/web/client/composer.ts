// The message box and the bot menu: typing sends a real signed message event, a menu tap a real
// application.bot.menu_v6 event; in a group the message @-mentions the bot unless unticked.
import { escapeHtml } from '../render/html.js';
import { api } from './api.js';
import { $ } from './dom.js';
import { showToast } from './overlays.js';
import { state } from './state.js';

export function wireComposer(afterSend: () => void): { render(): void } {
  const form = $<HTMLFormElement>('#composer');
  const input = $<HTMLTextAreaElement>('#input');
  const mention = $<HTMLInputElement>('#mention');
  const menu = $('#menu');

  const send = async () => {
    const text = input.value.trim();
    if (!text || !state.me || !state.chat) return;
    input.value = '';
    try {
      const result = await api.send(state.chat.chatId, state.me.openId, text, mention.checked);
      if (!result.delivery.ok) showToast({ type: 'error', content: '消息未送达机器人（见消息下方原因）' });
    } catch (err) {
      input.value = text;
      showToast({ type: 'error', content: `发送失败：${(err as Error).message}` });
    }
    afterSend();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter breaks the line; an IME composing Chinese must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send();
    }
  });
  menu.addEventListener('click', async (event) => {
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-menu]')?.dataset.menu;
    if (!key || !state.me) return;
    const { delivery } = await api.menu(state.me.openId, key);
    if (!delivery.ok) showToast({ type: 'error', content: '菜单事件未送达机器人' });
    afterSend();
  });

  return {
    render() {
      const group = state.chat?.kind === 'group';
      form.classList.toggle('in-group', group);
      mention.parentElement!.hidden = !group;
      input.placeholder = state.chat ? `发消息给 ${state.chat.name}` : '先选择一个身份';
      menu.hidden = group || !state.chat;
      menu.innerHTML = state.info.menu.map((m) => `<button type="button" data-menu="${escapeHtml(m.key)}">${escapeHtml(m.label)}</button>`).join('');
    },
  };
}
