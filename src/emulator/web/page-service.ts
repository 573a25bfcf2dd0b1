// What the page does on a person's behalf: type into a chat, tap the bot menu, click or submit
// a card. Each becomes the request Feishu would send — signed, encrypted — through the injector.
import { cardAction, menuClick, textMessage } from '../event-builders.js';
import { card200Errors, toastFromAnswer } from './callback-answer.js';
import type { SandboxPageDeps } from './page-deps.js';
import { Transcript } from './transcript.js';
import type { CardActionRequest, CardActionResult, DeliveryView, MessageView, PagePerson } from './view-types.js';

export class PageError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const MENU_LABELS: Record<string, string> = { help: '帮助', points: '积分', record: '记录', pledges: '承诺', board: '排行', pending: '待审', 'party-days': '党日' };

export class SandboxPageService {
  readonly transcript: Transcript;

  constructor(private readonly deps: SandboxPageDeps) {
    this.transcript = new Transcript(deps.control, deps.now);
  }

  nameOf = (openId: string): string | undefined =>
    openId === this.deps.control.app.botOpenId ? this.deps.control.app.botName : this.deps.control.users().find((u) => u.openId === openId)?.name;

  private person(openId: string): { openId: string; name: string } {
    const user = this.deps.control.users().find((u) => u.openId === openId);
    if (!user) throw new PageError(404, `unknown person ${openId}`);
    return { openId: user.openId, name: user.name };
  }

  async searchPeople(query: string, limit: number): Promise<{ people: PagePerson[]; total: number }> {
    const all = await this.deps.people();
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const roleText = { member: '党员 member', secretary: '书记 secretary', admin: '管理员 admin', guest: '访客 guest' } as const;
    const hits = all.filter((p) => {
      const hay = `${p.name} ${p.branch} ${p.employeeNo ?? ''} ${roleText[p.role]} ${p.openId}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    const people = hits.slice(0, limit).map((p) => ({ ...p, p2pChatId: this.deps.control.p2pChatId(p.openId) }));
    return { people, total: hits.length };
  }

  messages(chatId: string): MessageView[] {
    return this.transcript.view(chatId, this.nameOf);
  }

  /** A chat the person may type in: their p2p chat with the bot, or a group they belong to. */
  private chatFor(openId: string, chatId: string): 'p2p' | 'group' {
    if (chatId === this.deps.control.p2pChatId(openId)) return 'p2p';
    const chat = this.deps.control.chats().find((c) => c.chatId === chatId);
    if (!chat || !chat.members.includes(openId)) throw new PageError(403, 'not a member of that chat');
    return 'group';
  }

  async sendText(openId: string, chatId: string, text: string, mentionBot: boolean): Promise<{ messageId: string; delivery: DeliveryView }> {
    const sender = this.person(openId);
    const chatType = this.chatFor(openId, chatId);
    const mention = chatType === 'group' && mentionBot;
    const bot = { openId: this.deps.control.app.botOpenId, name: this.deps.control.app.botName };
    const envelope = textMessage(this.deps.events, { sender, chatType, chatId, text, ...(mention ? { mentions: [bot] } : {}) });
    const messageId = (envelope.event.message as { message_id: string }).message_id;
    const delivery = await this.deliver(envelope);
    this.transcript.recordTyped({ messageId, chatId, senderOpenId: openId, text: mention ? `@${bot.name} ${text}` : text, delivery });
    return { messageId, delivery };
  }

  async tapMenu(openId: string, eventKey: string): Promise<DeliveryView> {
    const operator = this.person(openId);
    const delivery = await this.deliver(menuClick(this.deps.events, { operator, eventKey }));
    this.transcript.recordNote(this.deps.control.p2pChatId(openId), `点了菜单“${MENU_LABELS[eventKey] ?? eventKey}”`, delivery);
    return delivery;
  }

  private async deliver(envelope: unknown): Promise<DeliveryView> {
    // One try: the page shows a failed delivery at once instead of Feishu's 15 s … 6 h retries.
    const report = await this.deps.injector.deliver(envelope, { retry: false });
    const attempt = report.attempts[0];
    return { ok: report.delivered, ...(attempt?.status !== undefined ? { status: attempt.status } : {}), ...(attempt?.error ? { error: attempt.error } : {}) };
  }

  async cardAction(req: CardActionRequest): Promise<CardActionResult> {
    const operator = this.person(req.as);
    const message = this.deps.control.message(req.messageId);
    if (!message || message.source === 'user' || message.msgType !== 'interactive') throw new PageError(404, 'no such card');
    const envelope = cardAction(this.deps.events, {
      operator,
      token: this.deps.control.issueCardToken(message.messageId),
      openMessageId: message.messageId,
      openChatId: message.chatId,
      tag: req.tag,
      ...(req.name !== undefined ? { name: req.name } : {}),
      ...(req.value !== undefined ? { value: req.value as Record<string, unknown> } : {}),
      ...(req.formValue !== undefined ? { formValue: req.formValue } : {}),
      ...(req.option !== undefined ? { option: req.option } : {}),
      ...(req.options !== undefined ? { options: req.options } : {}),
      ...(req.inputValue !== undefined ? { inputValue: req.inputValue } : {}),
      ...(req.checked !== undefined ? { checked: req.checked } : {}),
    });
    const answer = await this.deps.injector.sendCardAction(envelope);
    const failure = card200Errors(answer, this.messageSchema(message.parsed));
    if (failure) return { toast: failure, ...(answer.status !== undefined ? { status: answer.status } : {}) };
    const { toast, card } = toastFromAnswer(answer.body);
    if (card !== undefined) this.transcript.replaceCard(message.messageId, card);
    return { ...(toast ? { toast } : {}), ...(card !== undefined ? { card } : {}), ...(answer.status !== undefined ? { status: answer.status } : {}) };
  }

  private messageSchema(parsed: unknown): string | undefined {
    return typeof parsed === 'object' && parsed !== null && (parsed as { schema?: unknown }).schema === '2.0' ? '2.0' : undefined;
  }
}
