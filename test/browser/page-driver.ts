// What a person does on the sandbox page, in words: be someone, open a chat, type, find a card,
// click. Works the same at desktop size and on a phone (where the side list is a drawer).
import type { Locator, Page } from 'playwright-core';
import type { PagePerson } from '../../src/emulator/web/view-types.js';

export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
}

/** Opens the side list when it is a drawer (narrow screens). */
async function showSide(page: Page): Promise<void> {
  if (await page.locator('#open-side').isVisible()) await page.click('#open-side');
}

/** Picks a person through the searchable "who are you" list. */
export async function becomePerson(page: Page, query: string, name: string): Promise<void> {
  if (!(await page.locator('#picker').isVisible())) {
    await showSide(page);
    await page.click('#me');
  }
  await page.fill('#picker-q', query);
  await page.locator('.person', { hasText: name }).first().click();
  await page.locator('#me', { hasText: name }).waitFor({ state: 'attached' });
}

export async function openChat(page: Page, title: string): Promise<void> {
  await showSide(page);
  await page.locator('.chat-item', { hasText: title }).click();
  await page.locator('#chat-title', { hasText: title }).waitFor();
}

export async function typeMessage(page: Page, text: string): Promise<void> {
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
}

/** The last bot card whose header reads `title`. */
export function card(page: Page, title: string): Locator {
  return page.locator('.msg-bot .card', { has: page.locator('.card-title', { hasText: title }) }).last();
}

/** The first person the page's search finds for `query` who also passes `accept` (say, active members only). */
export async function findPersonByApi(url: string, query: string, accept: (p: PagePerson) => boolean = () => true): Promise<PagePerson> {
  const res = await fetch(`${url}/_sandbox/people?q=${encodeURIComponent(query)}&limit=100`);
  const person = ((await res.json()) as { people: PagePerson[] }).people.find(accept);
  if (!person) throw new Error(`nobody matches ${query}`);
  return person;
}

/** The page's request to send a card callback, as JSON (what will be signed and sent to the bot). */
export async function nextCardAction(page: Page, act: () => Promise<void>): Promise<Record<string, unknown>> {
  const [request] = await Promise.all([page.waitForRequest((r) => r.url().endsWith('/_sandbox/card-actions')), act()]);
  return JSON.parse(request.postData() ?? '{}') as Record<string, unknown>;
}

/** The page must not scroll sideways: everything fits the viewport's width. */
export async function horizontalOverflow(page: Page): Promise<number> {
  // A string, not a function: this file is type-checked without the DOM library.
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}

/**
 * Runs `act` (a click on a card) and waits until the bot has answered its signed callback: a new
 * bot message, or a toast. `clientError` is the Feishu client error code when the callback failed
 * (200671 for a non-200 answer, 200341 for a timeout…), as the page shows it.
 */
export async function botAnswered(page: Page, act: () => Promise<void>): Promise<{ toast?: string; clientError?: string }> {
  const before = await page.locator('.msg-bot').count();
  const toasts = await page.locator('.toast').count();
  await act();
  await page.waitForFunction(`document.querySelectorAll('.msg-bot').length > ${before} || document.querySelectorAll('.toast').length > ${toasts}`);
  const toast = (await page.locator('.toast').count()) > toasts ? ((await page.locator('.toast').last().textContent()) ?? '') : undefined;
  const code = toast ? /（(2\d{5})：/.exec(toast)?.[1] : undefined;
  return { ...(toast !== undefined ? { toast } : {}), ...(code ? { clientError: code } : {}) };
}
