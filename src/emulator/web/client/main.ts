// The sandbox page: be anyone in the roster, chat with the bot in p2p and in the branch group,
// use its cards, trigger scheduled pushes, and watch the Open API calls the bot makes.
import { escapeHtml } from '../render/html.js';
import type { PagePerson } from '../view-types.js';
import { api } from './api.js';
import { wireCardActions } from './card-actions.js';
import { ChatView } from './chat-view.js';
import { wireComposer } from './composer.js';
import { $, every } from './dom.js';
import { wirePeoplePicker } from './people-picker.js';
import { state } from './state.js';
import { wireTools } from './tools-panel.js';

const view = new ChatView($('#messages'));
const app = $('#app');

function renderChrome(): void {
  const me = state.me;
  $('#me').innerHTML = me
    ? `<span class="avatar">${escapeHtml(Array.from(me.name)[0] ?? '?')}</span><span class="me-main"><b>${escapeHtml(me.name)}</b><small>${escapeHtml(me.branch)}</small></span><span class="me-switch">切换</span>`
    : '选择身份…';
  $('#chats').innerHTML = state
    .chats()
    .map(
      (c) =>
        `<button type="button" class="chat-item${c.chatId === state.chat?.chatId ? ' active' : ''}" data-chat="${escapeHtml(c.chatId)}">` +
        `<span class="avatar${c.kind === 'p2p' ? ' avatar-bot' : ' avatar-group'}">${c.kind === 'p2p' ? '先' : '群'}</span>` +
        `<span>${escapeHtml(c.name)}<small>${c.kind === 'p2p' ? '单聊' : '支部群 · @机器人 提问'}</small></span></button>`,
    )
    .join('');
  $('#chat-title').textContent = state.chat ? state.chat.name : 'Vanguard 沙盒';
}

async function poll(): Promise<void> {
  const chatId = state.chat?.chatId;
  if (!chatId) return;
  // A chat opened again is drawn from scratch, so it needs the whole list, not "unchanged".
  const reopened = view.current !== chatId;
  if (reopened) view.show(chatId);
  const result = await api.messages(chatId, reopened);
  if (result && result.chatId === view.current) view.update(result.messages);
}

async function start(): Promise<void> {
  state.info = await api.info();
  const composer = wireComposer(() => void poll());
  const picker = wirePeoplePicker((p: PagePerson) => {
    state.be(p);
    app.classList.remove('show-side');
  });
  state.onChange(() => {
    renderChrome();
    composer.render();
    void poll();
  });
  $('#me').addEventListener('click', () => picker.open());
  $('#chats').addEventListener('click', (event) => {
    const chatId = (event.target as HTMLElement).closest<HTMLElement>('[data-chat]')?.dataset.chat;
    if (chatId) state.open(chatId);
    app.classList.remove('show-side');
  });
  $('#open-side').addEventListener('click', () => app.classList.toggle('show-side'));
  $('#open-tools').addEventListener('click', () => app.classList.toggle('show-tools'));
  for (const b of document.querySelectorAll<HTMLElement>('[data-close]')) {
    b.addEventListener('click', () => app.classList.remove(`show-${b.dataset.close}`));
  }
  wireCardActions($('#messages'), view);
  wireTools();
  renderChrome();
  composer.render();

  const saved = state.saved();
  const found = saved.as ? (await api.people(saved.as, 1)).people.find((p) => p.openId === saved.as) : undefined;
  if (found) state.be(found, saved.chat);
  else {
    view.show(undefined);
    picker.open();
  }
  every(1000, poll);
}

void start();
