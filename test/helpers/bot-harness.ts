// End-to-end conversations with the bot for tests: people from the roster talk to it through
// the Feishu emulator (signed, encrypted events in), and tests read the cards that come back
// the way a person would (`text`), click their buttons and submit their forms (signed card
// callbacks). Every call waits until the bot has finished: event handled, queues drained.
import { randomBytes } from 'node:crypto';
import type { Card } from '../../src/bot/cards/elements.js';
import { p2pChatIdFor } from '../../src/emulator/directory.js';
import { cardAction, fileMessage, groupMessage, imageMessage, menuClick, p2pChatEntered, textMessage, botMembershipChanged } from '../../src/emulator/event-builders.js';
import type { RecordedMessage } from '../../src/emulator/types.js';
import { createDomainServices, type DomainServices } from '../../src/domain/services.js';
import { startEdge, unfinishedJobs, type BackendKind, type Edge, type EdgeOptions } from '../integration/edge/harness.js';
import { cardText } from './card-text.js';
import type { Isolated } from './isolated.js';
import { waitFor } from './wait-for.js';
import { inboundProcessor } from '../../workers/processors/inbound.js';
import { outboundProcessor } from '../../workers/processors/outbound.js';
import { rosterUploadProcessor } from '../../workers/processors/roster-upload.js';
import { botFilesProcessor } from '../../workers/processors/bot-files.js';
import { evidencePhotoProcessor } from '../../workers/processors/evidence-photo.js';

export type Role = 'MEMBER' | 'SECRETARY' | 'ADMIN';

export interface Person {
  openId: string;
  memberId: number;
  name: string;
  role: Role;
  branchId: number;
  /** The person's p2p chat with the bot. */
  chatId: string;
}

export interface Seen {
  messageId: string;
  msgType: string;
  /** The card, for interactive messages (latest revision). */
  card: Card | undefined;
  /** What a person reads: the card's text, or the text message. */
  text: string;
  raw: RecordedMessage;
}

export interface ClickResult {
  status: number | undefined;
  toast: { type: string; content: string } | undefined;
  /** The replacement card from the callback answer, if any. */
  card: Card | undefined;
  text: string;
  /** Messages sent because of the click (to anyone), in order. */
  followUps: Seen[];
}

export interface BotHarness {
  edge: Edge;
  domain: DomainServices;
  committeeId: number;
  branch(name: string): Promise<number>;
  person(name: string, role?: Role, branchName?: string): Promise<Person>;
  /** Sends a text message (p2p by default) and returns what the bot sent back, anywhere. */
  say(person: Person, text: string, options?: { groupChatId?: string; mentionBot?: boolean }): Promise<Seen[]>;
  menu(person: Person, eventKey: string): Promise<Seen[]>;
  enterChat(person: Person): Promise<Seen[]>;
  sendImage(person: Person, bytes?: Buffer): Promise<Seen[]>;
  /** Sends a file (p2p by default); the emulator serves its bytes to the bot's resource download. */
  sendFile(person: Person, fileName: string, bytes: Buffer, options?: { groupChatId?: string }): Promise<Seen[]>;
  /** The bot added to a group chat (the chat then exists in the emulator, with the bot inside). */
  botAddedToGroup(operator: Person, chatId: string, chatName: string): Promise<Seen[]>;
  botRemovedFromGroup(operator: Person, chatId: string, chatName: string): Promise<Seen[]>;
  /** Clicks the button labelled `label` on `message` (first match, searched depth-first). */
  click(person: Person, message: Seen, label: string): Promise<ClickResult>;
  /** Fills and submits the form on `message`, as Feishu sends `form_value`. */
  submit(person: Person, message: Seen, values: Record<string, string | string[]>, options?: { formName?: string }): Promise<ClickResult>;
  /** Everything the bot has sent to this person (p2p), oldest first. */
  inbox(person: Person): Seen[];
  /** Everything the bot has sent into a chat. */
  chat(chatId: string): Seen[];
  /** The bytes of a file message the bot sent (uploaded through im/v1/files). */
  fileOf(message: Seen): Buffer;
  /** The current version of a message (after patches). */
  refresh(message: Seen): Seen;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startBot(env: Isolated, kind: BackendKind = 'postgres', options: EdgeOptions = {}): Promise<BotHarness> {
  // The bot's workers: inbound events, the senders, and the jobs a file or photo in chat starts.
  const edge = await startEdge(env, kind, { processors: [inboundProcessor, outboundProcessor, rosterUploadProcessor, botFilesProcessor, evidencePhotoProcessor], ...options });
  const emulator = edge.emulator.app.emulator;
  const domain = createDomainServices({ db: edge.db, clock: { now: () => new Date() }, timeZone: edge.config.timeZone });
  await domain.rules.ensureRulesVersion(Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: edge.config.timeZone }).format(new Date())));
  const committee = await edge.db.committee.upsert({ where: { code: 'test' }, create: { code: 'test', name: '测试党委' }, update: {} });
  const tag = randomBytes(3).toString('hex');
  let seq = 0;

  const seen = (m: RecordedMessage): Seen => {
    const card = m.msgType === 'interactive' ? (m.parsed as Card) : undefined;
    const text = card ? cardText(card) : typeof (m.parsed as { text?: unknown })?.text === 'string' ? (m.parsed as { text: string }).text : m.content;
    return { messageId: m.messageId, msgType: m.msgType, card, text, raw: m };
  };
  const allSent = () => emulator.messages().filter((m) => m.source !== 'user');

  const settle = async () => {
    await waitFor(async () => (await unfinishedJobs(edge.queues)) === 0, { timeoutMs: 30_000, message: 'the queues to drain' });
  };

  /** Delivers an event, waits until the bot handled it and sent everything, returns the new messages. */
  const deliver = async (payload: { header: { event_id: string } }): Promise<Seen[]> => {
    const before = allSent().length;
    const report = await edge.injector.deliver(payload, { retry: false });
    if (!report.delivered) throw new Error(`event refused: ${JSON.stringify(report.attempts)}`);
    await waitFor(
      async () => {
        const row = await edge.db.processedEvent.findUnique({ where: { key: `event:${payload.header.event_id}` } });
        if (!row) return false;
        const root = await edge.db.processedEvent.findUnique({ where: { key: row.rootKey } });
        return root?.status === 'HANDLED';
      },
      { timeoutMs: 30_000, message: 'the event to be handled' },
    );
    await settle();
    return allSent().slice(before).map(seen);
  };

  const findButton = (card: Card | undefined, label: string): Record<string, unknown> | undefined => {
    let found: Record<string, unknown> | undefined;
    const walk = (node: unknown) => {
      if (found || !node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(walk);
      const el = node as Record<string, unknown>;
      if (el.tag === 'button' && (el.text as { content?: string } | undefined)?.content === label) {
        found = el;
        return;
      }
      Object.values(el).forEach(walk);
    };
    walk(card?.body);
    return found;
  };

  const findForm = (card: Card | undefined, formName?: string): Record<string, unknown> | undefined => {
    const elements = card?.body.elements ?? [];
    return elements.find((e) => e.tag === 'form' && (formName === undefined || e.name === formName)) as Record<string, unknown> | undefined;
  };

  const sendCallback = async (person: Person, message: Seen, spec: { name?: string; value?: Record<string, unknown>; formValue?: Record<string, string | string[]> }) => {
    const before = allSent().length;
    const payload = cardAction(edge.eventCtx, {
      operator: { openId: person.openId, name: person.name },
      token: `c-${randomBytes(8).toString('hex')}`,
      openMessageId: message.messageId,
      openChatId: message.raw.chatId,
      ...spec,
    });
    const answer = await edge.injector.sendCardAction(payload);
    await settle();
    const body = (answer.body ?? {}) as { toast?: { type: string; content: string }; card?: { data?: Card } };
    const card = body.card?.data;
    return {
      status: answer.status,
      toast: body.toast,
      card,
      text: card ? cardText(card) : '',
      followUps: allSent().slice(before).map(seen),
    };
  };

  const harness: BotHarness = {
    edge,
    domain,
    committeeId: committee.id,
    async branch(name) {
      const code = `b_${createCode(name)}`;
      const branch = await edge.db.branch.upsert({ where: { name }, create: { code, name, committeeId: committee.id }, update: {} });
      return branch.id;
    },
    async person(name, role = 'MEMBER', branchName = '第一党支部') {
      seq += 1;
      const branchId = await harness.branch(branchName);
      const openId = `ou_${tag}${seq}`;
      const member = await edge.db.member.create({ data: { employeeNo: `E${tag}${seq}`, name, branchId, role, openId } });
      emulator.addUser({ openId, name });
      return { openId, memberId: member.id, name, role, branchId, chatId: p2pChatIdFor(openId) };
    },
    say(person, text, options = {}) {
      const sender = { openId: person.openId, name: person.name };
      if (options.groupChatId) {
        const mentions = options.mentionBot === false ? [] : [{ openId: emulator.app.botOpenId, name: emulator.app.botName }];
        return deliver(groupMessage(edge.eventCtx, { sender, chatId: options.groupChatId, text, mentions }));
      }
      return deliver(textMessage(edge.eventCtx, { sender, text }));
    },
    menu: (person, eventKey) => deliver(menuClick(edge.eventCtx, { operator: { openId: person.openId, name: person.name }, eventKey })),
    enterChat: (person) => deliver(p2pChatEntered(edge.eventCtx, { operator: { openId: person.openId, name: person.name } })),
    sendImage(person, bytes) {
      const imageKey = `img_v2_${randomBytes(8).toString('hex')}`;
      const payload = imageMessage(edge.eventCtx, { sender: { openId: person.openId, name: person.name }, imageKey });
      const messageId = (payload.event.message as { message_id: string }).message_id;
      emulator.putResource(imageKey, { bytes: bytes ?? randomBytes(64), contentType: 'image/png', messageId });
      return deliver(payload);
    },
    sendFile(person, fileName, bytes, options = {}) {
      const fileKey = `file_v3_${randomBytes(8).toString('hex')}`;
      const sender = { openId: person.openId, name: person.name };
      const chat = options.groupChatId ? { chatType: 'group' as const, chatId: options.groupChatId } : {};
      const payload = fileMessage(edge.eventCtx, { sender, fileKey, fileName, ...chat });
      const messageId = (payload.event.message as { message_id: string }).message_id;
      emulator.putResource(fileKey, { bytes, contentType: 'application/octet-stream', messageId });
      return deliver(payload);
    },
    botAddedToGroup(operator, chatId, chatName) {
      emulator.addChat({ chatId, name: chatName, members: [operator.openId], botIsMember: true });
      return deliver(botMembershipChanged(edge.eventCtx, { operator: { openId: operator.openId, name: operator.name }, chatId, chatName }));
    },
    botRemovedFromGroup(operator, chatId, chatName) {
      emulator.addChat({ chatId, name: chatName, members: [operator.openId], botIsMember: false });
      return deliver(botMembershipChanged(edge.eventCtx, { operator: { openId: operator.openId, name: operator.name }, chatId, chatName, removed: true }));
    },
    async click(person, message, label) {
      const button = findButton(message.card, label);
      if (!button) throw new Error(`no button "${label}" on the card:\n${message.text}`);
      const behaviors = button.behaviors as { value?: Record<string, unknown> }[] | undefined;
      return sendCallback(person, message, {
        ...(typeof button.name === 'string' ? { name: button.name } : {}),
        ...(behaviors?.[0]?.value ? { value: behaviors[0].value } : {}),
      });
    },
    async submit(person, message, values, options = {}) {
      const form = findForm(message.card, options.formName);
      if (!form) throw new Error(`no form on the card:\n${message.text}`);
      const submit = (form.elements as Record<string, unknown>[]).find((e) => e.tag === 'button' && e.form_action_type === 'submit');
      const behaviors = submit?.behaviors as { value?: Record<string, unknown> }[] | undefined;
      return sendCallback(person, message, {
        ...(typeof submit?.name === 'string' ? { name: submit.name } : {}),
        ...(behaviors?.[0]?.value ? { value: behaviors[0].value } : {}),
        formValue: values,
      });
    },
    inbox: (person) => emulator.messagesTo(person.openId).map(seen),
    chat: (chatId) => emulator.messagesInChat(chatId).filter((m) => m.source !== 'user').map(seen),
    fileOf(message) {
      const fileKey = (message.raw.parsed as { file_key?: unknown } | null)?.file_key;
      const file = typeof fileKey === 'string' ? emulator.file(fileKey) : undefined;
      if (message.msgType !== 'file' || !file) throw new Error(`not a file message the bot uploaded: ${message.text}`);
      return file.bytes;
    },
    refresh: (message) => seen(emulator.message(message.messageId) ?? message.raw),
    settle,
    close: () => edge.close(),
  };
  return harness;
}

function createCode(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h.toString(36);
}
