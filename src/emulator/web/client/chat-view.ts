// The message list of the open chat: renders each message once and replaces only those that
// changed (so a half-filled form survives the next poll), and keeps the view at the bottom.
import type { Interactive } from '../render/card-context.js';
import { escapeHtml } from '../render/html.js';
import { renderMessage } from '../render/message.js';
import type { MessageView } from '../view-types.js';
import { formatTime, html } from './dom.js';
import { state } from './state.js';

const imageUrl = (key: string) => `/_sandbox/images/${encodeURIComponent(key)}`;
const fileUrl = (key: string) => `/_sandbox/files/${encodeURIComponent(key)}`;
const nameOf = (openId: string) => state.names.get(openId);

function initial(name: string): string {
  return Array.from(name.trim())[0] ?? '?';
}

function deliveryNote(m: MessageView): string {
  if (!m.delivery || m.delivery.ok) return '';
  const why = m.delivery.status !== undefined ? `HTTP ${m.delivery.status}` : (m.delivery.error ?? '连接失败');
  return `<div class="delivery-fail" title="事件推送失败">未送达机器人：${escapeHtml(why)}</div>`;
}

export class ChatView {
  private chatId: string | undefined;
  private readonly rendered = new Map<string, { key: string; interactives: Interactive[]; view: MessageView }>();

  constructor(private readonly container: HTMLElement) {}

  show(chatId: string | undefined): void {
    this.chatId = chatId;
    this.rendered.clear();
    this.container.replaceChildren();
    if (!chatId) this.container.append(html('<div class="empty">先选择一个身份</div>'));
  }

  get current(): string | undefined {
    return this.chatId;
  }

  interactives(messageId: string): Interactive[] {
    return this.rendered.get(messageId)?.interactives ?? [];
  }

  update(messages: MessageView[]): void {
    const atBottom = this.container.scrollHeight - this.container.scrollTop - this.container.clientHeight < 80;
    const wanted = new Set(messages.map((m) => m.messageId));
    for (const [id] of this.rendered) {
      if (!wanted.has(id)) {
        this.container.querySelector(`[data-id="${CSS.escape(id)}"]`)?.remove();
        this.rendered.delete(id);
      }
    }
    let previous: Element | null = null;
    for (const m of messages) {
      if (m.senderOpenId && m.senderName) state.names.set(m.senderOpenId, m.senderName);
      const key = `${m.updateTime}:${m.delivery?.ok ?? ''}`;
      let node = this.container.querySelector(`[data-id="${CSS.escape(m.messageId)}"]`);
      if (!node || this.rendered.get(m.messageId)?.key !== key) {
        const fresh = this.renderOne(m);
        if (node) node.replaceWith(fresh.node);
        else if (previous) previous.after(fresh.node);
        else this.container.prepend(fresh.node);
        node = fresh.node;
        this.rendered.set(m.messageId, { key, interactives: fresh.interactives, view: m });
      }
      previous = node;
    }
    this.container.querySelector('.empty')?.remove();
    if (messages.length === 0) this.container.append(html('<div class="empty">还没有消息。发送“帮助”试试。</div>'));
    if (atBottom) this.container.scrollTop = this.container.scrollHeight;
  }

  private renderOne(m: MessageView): { node: HTMLElement; interactives: Interactive[] } {
    if (m.from === 'system') {
      const note = `<div class="msg msg-system" data-id="${escapeHtml(m.messageId)}">${escapeHtml(m.text ?? '')} · ${formatTime(m.createTime)}${deliveryNote(m)}</div>`;
      return { node: html(note), interactives: [] };
    }
    const body = renderMessage(m, { nameOf, imageUrl, fileUrl });
    const mine = m.from === 'user' && m.senderOpenId === state.me?.openId;
    const who = m.from === 'bot' ? state.info.bot.name : (m.senderName ?? '');
    const avatar = m.from === 'bot' ? '<div class="avatar avatar-bot">先</div>' : `<div class="avatar">${escapeHtml(initial(who))}</div>`;
    const edited = m.updated ? ' · <span class="edited">已更新</span>' : '';
    const kind = m.from === 'bot' ? 'msg-bot' : mine ? 'msg-me' : 'msg-other';
    const node = html(
      `<div class="msg ${kind}" data-id="${escapeHtml(m.messageId)}">${avatar}<div class="msg-body">` +
        `<div class="msg-meta">${escapeHtml(who)} · ${formatTime(m.createTime)}${edited}</div>` +
        `<div class="${body.isCard ? 'card-wrap' : 'bubble'}">${body.html}</div>${deliveryNote(m)}</div></div>`,
    );
    return { node, interactives: body.interactives };
  }

  /** Draws a card again from what it was (a form's reset button). */
  redraw(messageId: string): void {
    const view = this.rendered.get(messageId)?.view;
    if (view) this.replaceCard(messageId, view.content);
  }

  /** Shows a callback's replacement card at once, before the next poll confirms it. */
  replaceCard(messageId: string, card: unknown): void {
    const node = this.container.querySelector(`[data-id="${CSS.escape(messageId)}"]`);
    const before = this.rendered.get(messageId);
    if (!node || !before) return;
    const view: MessageView = { ...before.view, content: card, updated: true };
    const fresh = this.renderOne(view);
    node.replaceWith(fresh.node);
    this.rendered.set(messageId, { key: 'replaced', interactives: fresh.interactives, view });
  }
}
