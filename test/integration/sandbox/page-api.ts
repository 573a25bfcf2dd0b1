// The sandbox page's own JSON API, as the page calls it: find a person, type into their chat with
// the bot, read the chat back.
import type { MessageView, PagePerson } from '../../../src/emulator/web/view-types.js';
import { waitFor } from '../../helpers/wait-for.js';

export async function findPerson(url: string, query: string): Promise<PagePerson> {
  const res = await fetch(`${url}/_sandbox/people?q=${encodeURIComponent(query)}&limit=1`);
  const body = (await res.json()) as { people: PagePerson[] };
  const person = body.people[0];
  if (!person?.p2pChatId) throw new Error(`nobody matches ${query}`);
  return person;
}

export async function say(url: string, person: PagePerson, text: string): Promise<{ messageId: string; delivery: { ok: boolean; status?: number } }> {
  const res = await fetch(`${url}/_sandbox/chats/${person.p2pChatId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as: person.openId, text }),
  });
  if (!res.ok) throw new Error(`send: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as { messageId: string; delivery: { ok: boolean; status?: number } };
}

export async function chat(url: string, chatId: string): Promise<MessageView[]> {
  const res = await fetch(`${url}/_sandbox/chats/${chatId}/messages`);
  return ((await res.json()) as { messages: MessageView[] }).messages;
}

/** Waits for a bot card whose header title is `title`, sent after `afterMessageId`. */
export async function waitForCard(url: string, chatId: string, title: string, afterMessageId: string): Promise<MessageView> {
  return waitFor(
    async () => {
      const messages = await chat(url, chatId);
      const after = messages.slice(messages.findIndex((m) => m.messageId === afterMessageId) + 1);
      return after.find((m) => m.from === 'bot' && (m.content as { header?: { title?: { content?: string } } }).header?.title?.content === title);
    },
    { timeoutMs: 30_000, intervalMs: 100, message: `a "${title}" card` },
  );
}
