// The sandbox page in a real browser, at desktop size and at 390×844: be a member picked from the
// searchable roster, see a card the bot sends drawn faithfully, and use it — confirm dialogs,
// callback values, forms that refuse missing required fields and send form_value in Feishu's
// formats. The page must fit a phone's width.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/bot/messages/index.js';
import type { PagePerson } from '../../src/emulator/web/view-types.js';
import { launchBrowser, VIEWPORTS, type Browser } from './chromium.js';
import { becomePerson, botAnswered, card, findPersonByApi, horizontalOverflow, nextCardAction, openChat, openPage, typeMessage } from './page-driver.js';
import { startSandboxFixture, type SandboxFixture } from './sandbox-fixture.js';
import { SHOWCASE_TITLE, showcaseCard, TINY_PNG } from './showcase-card.js';


let sandbox: SandboxFixture;
let member: PagePerson;

beforeAll(async () => {
  sandbox = await startSandboxFixture();
  member = await findPersonByApi(sandbox.url, '党员 采油一区');
  await sandbox.sendAsBot(member.openId, 'interactive', showcaseCard(await sandbox.uploadImage(TINY_PNG)));
});
afterAll(async () => sandbox?.stop());

describe.each(VIEWPORTS)('the sandbox page at $name size ($width×$height)', (viewport) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(viewport);
  });
  afterAll(async () => browser?.close());

  it('lets me pick a member from the searchable roster and opens their chat with the bot', async () => {
    const { page } = browser;
    await openPage(page, sandbox.url);
    await page.locator('#picker').waitFor();
    await becomePerson(page, member.employeeNo ?? member.name, member.name);
    await expect(page.locator('#chat-title').textContent()).resolves.toBe('先锋清单助手');
    await card(page, SHOWCASE_TITLE).waitFor();
  });

  it('draws the card: header colour, markdown, literal user text, fields, columns, image, chart, buttons, form', async () => {
    const c = card(browser.page, SHOWCASE_TITLE);
    await expect(c.locator('.card-h').getAttribute('class')).resolves.toContain('hdr-green');
    await expect(c.locator('strong', { hasText: '加粗文字' }).count()).resolves.toBe(1);
    await expect(c.locator('a[href="https://open.feishu.cn"]').textContent()).resolves.toBe('飞书开放平台');
    await expect(c.locator('.md li').allTextContents()).resolves.toEqual(['第一项', '第二项']);
    await expect(c.locator('.fc-green').textContent()).resolves.toBe('+5');
    await expect(c.getByText('<at id=all></at> **原样显示**').count()).resolves.toBe(1);
    await expect(c.locator('.cs', { hasText: '支部排名' }).textContent()).resolves.toContain('3 / 40');
    await expect(c.locator('.cs .col').count()).resolves.toBeGreaterThanOrEqual(2);
    const image = c.locator('figure.img img');
    await image.evaluate((img: { complete: boolean; onload: unknown }) => (img.complete ? null : new Promise((r) => (img.onload = r))));
    await expect(image.evaluate((img: { naturalWidth: number }) => img.naturalWidth)).resolves.toBe(4);
    await expect(c.locator('.chart svg:visible rect').count()).resolves.toBe(3);
    await expect(c.locator('button', { hasText: '确认通过' }).isVisible()).resolves.toBe(true);
    await expect(c.locator('[data-form="showcase"] textarea[data-field="note"]').count()).resolves.toBe(1);
    await expect(c.locator('[data-form="showcase"] input[type="date"][data-field="day"]').count()).resolves.toBe(1);
  });

  it('asks before a button with a confirm, and sends its callback value once confirmed', async () => {
    const { page } = browser;
    const c = card(page, SHOWCASE_TITLE);
    await c.locator('button', { hasText: '确认通过' }).click();
    await page.locator('#confirm-title', { hasText: '确认通过？' }).waitFor();
    await page.click('#confirm-cancel');
    await expect(page.locator('#confirm').isHidden()).resolves.toBe(true);
    const sent = await nextCardAction(page, async () => {
      await c.locator('button', { hasText: '确认通过' }).click();
      await page.click('#confirm-ok');
    });
    expect(sent).toMatchObject({ as: member.openId, tag: 'button', value: { a: 'showcase.approve', id: 1 } });
    await page.locator('.toast').first().waitFor();
  });

  it('submits a form only with its required fields filled, sending form_value as Feishu does', async () => {
    const { page } = browser;
    const f = card(page, SHOWCASE_TITLE).locator('[data-form="showcase"]');
    let early = false;
    page.on('request', (r) => (early ||= r.url().endsWith('/_sandbox/card-actions')));
    await f.locator('button', { hasText: '提交记录' }).click();
    await page.locator('.toast', { hasText: '请填写必填项' }).first().waitFor();
    expect(early).toBe(false);
    await f.locator('select[data-field="role"]').selectOption('V2');
    await f.locator('input[data-field="qty"]').fill('3');
    await f.locator('textarea[data-field="note"]').fill('第一行\n第二行');
    await f.locator('input[data-field="day"]').fill('2026-11-20');
    const sent = await nextCardAction(page, () => f.locator('button', { hasText: '提交记录' }).click());
    expect(sent).toMatchObject({
      tag: 'button',
      name: 'showcase_submit',
      value: { a: 'showcase.submit' },
      formValue: { role: 'V2', qty: '3', note: '第一行\n第二行', day: '2026-11-20 +0800' },
    });
  });

  it(`typing 帮助 brings the help card with its buttons, and a click on one reaches the bot`, async () => {
    const { page } = browser;
    await typeMessage(page, '帮助');
    const help = card(page, t.common.help.title);
    await help.waitFor();
    const b = t.helpMenu.buttons;
    await expect(help.locator('button').allTextContents()).resolves.toEqual([b.record, b.points, b.myRecords, b.board, b.pledges, b.volunteer]);
    await expect(help.locator('li', { hasText: '积分' }).count()).resolves.toBeGreaterThan(0);
    const answer = await botAnswered(page, () => help.locator('button', { hasText: b.points }).click());
    expect(answer.clientError).toBeUndefined();
  });

  it('in the branch group, a message that @-mentions the bot gets the answer in the group', async () => {
    const { page } = browser;
    await openChat(page, member.groupChatName ?? '');
    await expect(page.locator('#mention').isChecked()).resolves.toBe(true);
    await typeMessage(page, '帮助');
    await page.locator('.msg-me .bubble', { hasText: '@先锋清单助手 帮助' }).last().waitFor();
    await card(page, t.common.help.title).waitFor();
    await openChat(page, '先锋清单助手');
  });

  it('fits the screen: no sideways scrolling, the message box in view', async () => {
    const { page } = browser;
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const box = await page.locator('#input').boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
    const cardBox = await card(page, SHOWCASE_TITLE).boundingBox();
    expect((cardBox?.x ?? 0) + (cardBox?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
  });
});
