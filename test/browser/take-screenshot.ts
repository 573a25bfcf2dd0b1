// Takes the README's screenshots of the sandbox page (docs/sandbox*.png): a member asks the bot
// for help at desktop size with the API-call log open, and the same chat on a 390×844 phone.
// Run: npx tsx test/browser/take-screenshot.ts (needs Chromium and a CJK font, e.g. fonts-wqy-zenhei).
import { resolve } from 'node:path';
import { t } from '../../src/bot/messages/index.js';
import { launchBrowser } from './chromium.js';
import { becomePerson, card, findPersonByApi, openPage, typeMessage } from './page-driver.js';
import { startSandboxFixture } from './sandbox-fixture.js';

const DOCS = resolve(import.meta.dirname, '../../docs');

const sandbox = await startSandboxFixture();
try {
  const member = await findPersonByApi(sandbox.url, '党员 采油一区');
  const desktop = await launchBrowser({ width: 1280, height: 800 });
  await openPage(desktop.page, sandbox.url);
  await becomePerson(desktop.page, member.employeeNo ?? member.name, member.name);
  await typeMessage(desktop.page, '帮助');
  await card(desktop.page, t.common.help.title).waitFor();
  await desktop.page.click('[data-tab="calls"]');
  await desktop.page.locator('.log tr').nth(2).waitFor();
  await desktop.page.screenshot({ path: `${DOCS}/sandbox.png` });
  const phone = await launchBrowser({ width: 390, height: 844 });
  await openPage(phone.page, `${sandbox.url}/#as=${member.openId}`);
  await card(phone.page, t.common.help.title).waitFor();
  await phone.page.screenshot({ path: `${DOCS}/sandbox-phone.png` });
  await Promise.all([desktop.close(), phone.close()]);
  console.log(`wrote ${DOCS}/sandbox.png and ${DOCS}/sandbox-phone.png`);
} finally {
  await sandbox.stop();
}
