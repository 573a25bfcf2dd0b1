// The target flow, end to end in the browser at desktop size and at 390×844: a member
// records an activity through the form card; that member's secretary approves it from the card;
// the member's points card shows it; the monthly reminder, triggered from the page, arrives once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PagePerson } from '../../src/emulator/web/view-types.js';
import { launchBrowser, VIEWPORTS, type Browser } from './chromium.js';
import { becomePerson, botAnswered, card, findPersonByApi, openPage, typeMessage } from './page-driver.js';
import { startSandboxFixture, type SandboxFixture } from './sandbox-fixture.js';

describe.each(VIEWPORTS)('the vanguard flow at $name size ($width×$height)', (viewport) => {
  let sandbox: SandboxFixture;
  let browser: Browser;
  let member: PagePerson;
  let secretary: PagePerson;

  beforeAll(async () => {
    sandbox = await startSandboxFixture();
    // An active member: the monthly reminder rightly skips members on leave.
    member = await findPersonByApi(sandbox.url, '党员 采油二区', (p) => p.status === 'active');
    secretary = await findPersonByApi(sandbox.url, '书记 采油二区');
    browser = await launchBrowser(viewport);
    await openPage(browser.page, sandbox.url);
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it('a member records an activity through the form card', async () => {
    const { page } = browser;
    await becomePerson(page, member.employeeNo ?? member.name, member.name);
    await typeMessage(page, '记录');
    const form = card(page, '记录先锋作为').locator('[data-form]');
    await form.locator('select[data-field="role"]').selectOption({ label: '安全员' });
    await form.locator('select[data-field="activity"]').selectOption({ label: '发现并处置隐患' });
    await form.locator('input[data-field="quantity"]').fill('3');
    await form.locator('textarea[data-field="description"]').fill('巡检发现并处置三处隐患');
    const answer = await botAnswered(page, () => form.locator('button', { hasText: '提交' }).click());
    expect(answer.clientError).toBeUndefined();
    await card(page, '记录已提交').waitFor();
  });

  it("that member's secretary approves it from the card", async () => {
    const { page } = browser;
    await becomePerson(page, secretary.employeeNo ?? secretary.name, secretary.name);
    // The review card reached the secretary's chat when the member submitted.
    const review = card(page, '记录待审核').filter({ hasText: member.name });
    const answer = await botAnswered(page, () => review.locator('button', { hasText: '通过' }).first().click());
    expect(answer.clientError).toBeUndefined();
    await page.locator('.toast', { hasText: '已通过' }).first().waitFor();
    await card(page, '记录待审核').filter({ hasText: '已通过' }).waitFor();
  });

  it('the member sees it on the points card', async () => {
    const { page } = browser;
    await becomePerson(page, member.employeeNo ?? member.name, member.name);
    // The approval notice says what was credited (a demo member may already be near a cap).
    const notice = card(page, '您的记录已通过审核');
    const credited = /已计入 ([\d.]+) 分/.exec((await notice.textContent()) ?? '')?.[1];
    expect(credited).toBeDefined();
    await typeMessage(page, '积分');
    const points = card(page, '我的积分');
    await points.waitFor();
    const text = (await points.textContent()) ?? '';
    expect(text).toContain('安全员');
    expect(text).toMatch(new RegExp(`先锋作为·发现并处置隐患[^]*?\\+?${credited!.replace('.', '\\.')}`));
  });

  it('the monthly reminder, triggered from the page, arrives once', async () => {
    const { page } = browser;
    if (await page.locator('#open-tools').isVisible()) await page.click('#open-tools');
    const reminder = page.locator('[data-kind="monthly-reminder"]');
    for (let i = 0; i < 2; i++) {
      await reminder.locator('button', { hasText: '立即推送' }).click();
      await page.locator('.toast', { hasText: '已触发 monthly-reminder' }).last().waitFor();
    }
    if (await page.locator('.tools-head .icon').isVisible()) await page.click('.tools-head .icon');
    // ~700 demo members at Feishu's 50/s: the member's turn comes within a minute.
    await card(page, '本月提醒').waitFor({ timeout: 90_000 });
    await expect(page.locator('.msg-bot .card-title', { hasText: '本月提醒' }).count()).resolves.toBe(1);
  });
});
