// A card that uses every component the page draws, built with the bot's own card builders (plus
// raw JSON where the bot has no builder yet), for the page's rendering tests.
import { button, buttonRow, card, chart, datePicker, divider, fields, form, input, markdown, plainText, selectStatic, userText, type Card } from '../../src/bot/cards/elements.js';

export const SHOWCASE_TITLE = '沙盒展示卡片';

/** A 4×2 PNG, so the image component has real bytes to load. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAEElEQVR4nGMwLvgPRwzIHACjig0RJ0JMNAAAAABJRU5ErkJggg==', 'base64');

export function showcaseCard(imageKey: string): Card {
  return card({
    title: SHOWCASE_TITLE,
    subtitle: '卡片 JSON 2.0 组件',
    color: 'green',
    elements: [
      markdown("**加粗文字** 与 [飞书开放平台](https://open.feishu.cn)\n- 第一项\n- 第二项\n余额 <font color='green'>+5</font>"),
      userText('<at id=all></at> **原样显示**'),
      plainText('纯文本 div'),
      divider(),
      fields([
        { label: '本月积分', value: '12' },
        { label: '支部排名', value: '3 / 40' },
      ]),
      {
        tag: 'column_set',
        flex_mode: 'stretch',
        columns: [
          { tag: 'column', width: 'weighted', weight: 2, elements: [markdown('左栏内容')] },
          { tag: 'column', width: 'weighted', weight: 1, elements: [markdown('右栏内容')] },
        ],
      },
      { tag: 'img', img_key: imageKey, alt: { tag: 'plain_text', content: '示意图' } },
      chart({ type: 'bar', title: { text: '各月积分' }, data: { values: [{ m: '9月', v: 3 }, { m: '10月', v: 5 }, { m: '11月', v: 8 }] }, xField: 'm', yField: 'v' }),
      buttonRow([
        button({ label: '确认通过', value: { a: 'showcase.approve', id: 1 }, style: 'primary_filled', confirm: { title: '确认通过？', text: '通过后计入积分' } }),
        button({ label: '退回', value: { a: 'showcase.return', id: 1 }, style: 'danger' }),
      ]),
      form({
        name: 'showcase',
        submitLabel: '提交记录',
        submitValue: { a: 'showcase.submit' },
        elements: [
          selectStatic({ name: 'role', placeholder: '选择角色', options: [{ label: '宣传员', value: 'V1' }, { label: '安全员', value: 'V2' }], required: true }),
          input({ name: 'qty', label: '数量', required: true }),
          input({ name: 'note', label: '说明', multiline: true }),
          datePicker({ name: 'day', placeholder: '日期' }),
        ],
      }),
    ],
  });
}
