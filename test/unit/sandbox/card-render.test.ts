// The page's card renderer over the cards the bot really builds (src/bot/cards): header colour,
// text, buttons with their callback values and confirm dialogs, forms with named fields, charts.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/bot/actor.js';
import { button, card, chart, datePicker, divider, fields, form, input, markdown, plainText, selectStatic } from '../../../src/bot/cards/elements.js';
import { helpCard } from '../../../src/bot/cards/help-card.js';
import { renderCard } from '../../../src/emulator/web/render/card.js';

const options = { imageUrl: (key: string) => `/img/${key}` };
const secretary: Actor = { memberId: 1, openId: 'ou_s', name: '李书记', role: 'SECRETARY', status: 'ACTIVE', branchId: 1, branchName: '一支部' };

describe('renderCard', () => {
  it("draws the help card: red header, command list, one button per action with the bot's value", () => {
    const { html, interactives } = renderCard(helpCard(secretary), options);
    expect(html).toContain('class="card-h hdr-red"');
    expect(html).toContain('先锋清单助手 · 我能做什么');
    expect(html).toMatch(/<li><strong>积分<\/strong>：/);
    const buttons = interactives.filter((i) => i.tag === 'button');
    expect(buttons.map((b) => b.value)).toEqual([
      { a: 'cmd', cmd: '记录' },
      { a: 'cmd', cmd: 'points' },
      { a: 'cmd', cmd: '我的记录' },
      { a: 'cmd', cmd: 'board' },
      { a: 'cmd', cmd: 'pledges' },
      { a: 'cmd', cmd: 'volunteer' },
      { a: 'cmd', cmd: '待审' },
      { a: 'cmd', cmd: 'branch' },
    ]);
    expect(html).toContain('>我的积分</button>');
    expect(html).toContain('btn-primary_filled');
  });

  it('draws plain text escaped, rules, fields, and keeps confirm dialogs with their buttons', () => {
    const c = card({
      title: 'T',
      color: 'blue',
      elements: [
        plainText('<b>literal</b>'),
        divider(),
        fields([{ label: '本月', value: '12' }]),
        button({ label: '通过', value: { a: 'approve', id: 7 }, style: 'primary', confirm: { title: '确认通过？', text: '通过后计分' } }),
      ],
    });
    const { html, interactives } = renderCard(c, options);
    expect(html).toContain('hdr-blue');
    expect(html).toContain('&lt;b&gt;literal&lt;/b&gt;');
    expect(html).toContain('<hr class="card-hr">');
    expect(html).toContain('<strong>12</strong>');
    expect(interactives[0]).toEqual({ tag: 'button', value: { a: 'approve', id: 7 }, confirm: { title: '确认通过？', text: '通过后计分' } });
  });

  it('draws a form: named fields (single and multi-line input, select, date) and a submit button', () => {
    const c = card({
      title: '记录',
      elements: [
        form({
          name: 'record',
          submitLabel: '提交',
          submitValue: { a: 'record.submit' },
          elements: [
            selectStatic({ name: 'role', placeholder: '角色', options: [{ label: '安全员', value: 'V2' }], required: true }),
            datePicker({ name: 'date', placeholder: '日期', initialDate: '2026-11-20' }),
            input({ name: 'qty', label: '数量', required: true }),
            input({ name: 'desc', label: '说明', multiline: true }),
          ],
        }),
      ],
    });
    const { html, interactives } = renderCard(c, options);
    expect(html).toContain('data-form="record"');
    expect(html).toMatch(/<select data-i="0" data-kind="select" data-field="role" required>/);
    expect(html).toContain('type="date" value="2026-11-20"');
    expect(html).toMatch(/<textarea data-i="3" data-kind="input" data-field="desc"/);
    expect(html).toContain('<em>*</em>');
    const submit = interactives.find((i) => i.formAction === 'submit');
    expect(submit).toEqual({ tag: 'button', name: 'record_submit', value: { a: 'record.submit' }, formAction: 'submit', form: 'record' });
    expect(interactives.filter((i) => i.form === 'record')).toHaveLength(5);
  });

  it('draws a chart as SVG with a legend for several series', () => {
    const spec = { type: 'bar', data: { values: [{ m: '10月', v: 3, s: '宣传员' }, { m: '11月', v: 5, s: '宣传员' }, { m: '11月', v: 2, s: '安全员' }] }, xField: 'm', yField: 'v', seriesField: 's' };
    const { html } = renderCard(card({ title: 'c', elements: [chart(spec), markdown('ok')] }), options);
    expect(html).toContain('<svg class="chart-wide" viewBox="0 0 600 300"');
    expect(html).toContain('<svg class="chart-narrow" viewBox="0 0 340 204"');
    expect(html.match(/<rect /g)).toHaveLength(6);
    expect(html).toContain('宣传员</span>');
  });

  it('names components it cannot draw instead of dropping them', () => {
    const { html } = renderCard({ schema: '2.0', body: { elements: [{ tag: 'audio_player' }] } }, options);
    expect(html).toContain('[audio_player]');
  });
});
