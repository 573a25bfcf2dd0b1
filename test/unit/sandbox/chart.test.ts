// The chart component's VChart specs as the page reads and draws them.
import { describe, expect, it } from 'vitest';
import { chartModel } from '../../../src/emulator/web/render/chart-model.js';
import { renderChart } from '../../../src/emulator/web/render/chart.js';

describe('chartModel', () => {
  it('groups bar values by category and series, in order of appearance', () => {
    const model = chartModel({
      type: 'bar',
      data: [{ id: 'd', values: [{ x: 'A', y: 1, s: 'p' }, { x: 'B', y: '2', s: 'p' }, { x: 'A', y: 3, s: 'q' }] }],
      xField: ['x', 's'],
      yField: 'y',
      seriesField: 's',
    });
    expect(model).toEqual({
      kind: 'cartesian',
      mark: 'bar',
      horizontal: false,
      stack: false,
      labels: false,
      categories: ['A', 'B'],
      series: [
        { name: 'p', values: [1, 2] },
        { name: 'q', values: [3, null] },
      ],
    });
  });

  it('reads horizontal bars with the category on yField', () => {
    const model = chartModel({ type: 'bar', direction: 'horizontal', data: { values: [{ n: '张三', v: 9 }] }, xField: 'v', yField: 'n' });
    expect(model).toMatchObject({ kind: 'cartesian', horizontal: true, categories: ['张三'], series: [{ values: [9] }] });
  });

  it('reads pies and donuts, dropping empty slices', () => {
    const model = chartModel({ type: 'pie', data: { values: [{ c: '宣传员', v: 4 }, { c: '安全员', v: 0 }] }, categoryField: 'c', valueField: 'v', innerRadius: 0.6 });
    expect(model).toEqual({ kind: 'pie', slices: [{ name: '宣传员', value: 4 }], inner: 0.6, labels: false });
  });

  it('turns chart types it does not draw into a table', () => {
    expect(chartModel({ type: 'wordCloud', data: { values: [{ w: '安全', n: 3 }] } })).toEqual({ kind: 'table', type: 'wordCloud', rows: [{ w: '安全', n: 3 }] });
  });
});

describe('renderChart', () => {
  it('draws a line with one point per category and a title', () => {
    const html = renderChart({ type: 'line', title: { text: '积分趋势' }, data: { values: [{ m: '9月', v: 1 }, { m: '10月', v: 4 }, { m: '11月', v: 6 }] }, xField: 'm', yField: 'v' }, '16:9');
    expect(html).toContain('<div class="chart-title">积分趋势</div>');
    expect(html).toContain('viewBox="0 0 600 338"');
    expect(html.match(/<circle /g)).toHaveLength(6);
  });

  it('draws one arc per pie slice with a legend, and escapes names', () => {
    const html = renderChart({ type: 'pie', data: { values: [{ c: '<b>', v: 1 }, { c: 'y', v: 3 }] }, categoryField: 'c', valueField: 'v' }, '1:1');
    expect(html.match(/<path /g)).toHaveLength(4);
    expect(html).toContain('&lt;b&gt;</span>');
    expect(html).toContain('75%');
  });
});
