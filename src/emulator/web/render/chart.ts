// Draws the card chart component as inline SVG (no library, no canvas): axes, bars (grouped,
// stacked, horizontal), lines and areas, pies and donuts, a legend, and a table for other types.
import { chartHead, chartModel, type ChartModel } from './chart-model.js';
import { escapeHtml, type Obj } from './html.js';

/** VChart's default palette, which Feishu's "brand" theme starts from. */
const PALETTE = ['#1664FF', '#1AC6FF', '#FF8A00', '#3CC780', '#7442D4', '#FFC400', '#304D77', '#B48DEB', '#009488', '#FF7DDA'];
/** Drawn twice: wide for desktop cards, narrow so that labels stay legible on a phone. */
const WIDTHS = { wide: 600, narrow: 340 } as const;
const RATIOS: Record<string, number> = { '1:1': 1, '4:3': 3 / 4, '16:9': 9 / 16, '2:1': 1 / 2 };

const fmt = (n: number) => (Math.abs(n) >= 10000 ? `${+(n / 10000).toFixed(1)}万` : `${+n.toFixed(2)}`);
const text = (x: number, y: number, s: string, anchor = 'middle', cls = 'ct') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}" class="${cls}">${escapeHtml(s)}</text>`;

function niceTicks(min: number, max: number): number[] {
  const span = max - min || 1;
  const raw = span / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 0.999; v += step) ticks.push(+v.toFixed(10));
  return ticks;
}

function cartesianSvg(m: Extract<ChartModel, { kind: 'cartesian' }>, W: number, h: number, top: number, colors: string[]): string {
  const stacked = m.stack && m.mark === 'bar';
  const totals = m.categories.map((_, i) => m.series.reduce((s, se) => s + Math.max(se.values[i] ?? 0, 0), 0));
  const all = m.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(Math.min(0, ...all), Math.max(1, ...(stacked ? totals : all)));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const [left, right, bottom] = [m.horizontal ? (W < 400 ? 64 : 84) : 40, 12, 28];
  const pw = W - left - right;
  const ph = h - top - bottom;
  const n = Math.max(m.categories.length, 1);
  // `val` maps a value to its offset along the value axis; `band` is one category's slot.
  const valLen = m.horizontal ? pw : ph;
  const val = (v: number) => ((v - lo) / (hi - lo)) * valLen;
  const band = (m.horizontal ? ph : pw) / n;
  const parts: string[] = [];
  for (const t of ticks) {
    const o = val(t);
    parts.push(
      m.horizontal
        ? `<line x1="${left + o}" y1="${top}" x2="${left + o}" y2="${top + ph}" class="cg"/>${text(left + o, top + ph + 16, fmt(t))}`
        : `<line x1="${left}" y1="${top + ph - o}" x2="${left + pw}" y2="${top + ph - o}" class="cg"/>${text(left - 6, top + ph - o + 4, fmt(t), 'end')}`,
    );
  }
  m.categories.forEach((c, i) => {
    const mid = band * (i + 0.5);
    const max = W < 400 ? 5 : 8;
    const label = c.length > max && n > 3 ? `${c.slice(0, max - 1)}…` : c;
    parts.push(m.horizontal ? text(left - 6, top + mid + 4, label, 'end') : text(left + mid, top + ph + 16, label));
  });
  const zero = val(Math.max(lo, 0));
  const rect = (i: number, from: number, len: number, off: number, width: number, color: string, v: number) => {
    const [x, y, w, hh] = m.horizontal
      ? [left + Math.min(from, from + len), top + band * i + off, Math.abs(len), width]
      : [left + band * i + off, top + ph - Math.max(from, from + len), width, Math.abs(len)];
    const label = m.labels ? (m.horizontal ? text(x + w + 4, y + hh / 2 + 4, fmt(v), 'start') : text(x + w / 2, y - 4, fmt(v))) : '';
    return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${hh.toFixed(1)}" rx="2" fill="${color}"/>${label}`;
  };
  if (m.mark === 'bar') {
    const group = band * 0.7;
    const width = stacked ? group : group / Math.max(m.series.length, 1);
    const base = m.categories.map(() => zero);
    m.series.forEach((s, si) => {
      const color = colors[si % colors.length] ?? PALETTE[0]!;
      s.values.forEach((v, i) => {
        if (v === null) return;
        const from = stacked ? (base[i] ?? zero) : zero;
        const len = val(v) - zero;
        if (stacked) base[i] = from + len;
        parts.push(rect(i, from, len, band * 0.15 + (stacked ? 0 : width * si), width, color, v));
      });
    });
  } else {
    m.series.forEach((s, si) => {
      const color = colors[si % colors.length] ?? PALETTE[0]!;
      const pts = s.values.map((v, i) => (v === null ? null : [left + band * (i + 0.5), top + ph - val(v)] as const)).filter((p) => p !== null);
      if (pts.length === 0) return;
      const d = pts.map((p, i) => `${i ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('');
      if (m.mark === 'area') parts.push(`<path d="${d}L${pts[pts.length - 1]![0].toFixed(1)},${top + ph - zero}L${pts[0]![0].toFixed(1)},${top + ph - zero}Z" fill="${color}" opacity="0.2"/>`);
      parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"/>`);
      pts.forEach((p, i) => parts.push(`<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="3" fill="#fff" stroke="${color}" stroke-width="2"/>${m.labels ? text(p[0], p[1] - 8, fmt(s.values.filter((v) => v !== null)[i] ?? 0)) : ''}`));
    });
  }
  return parts.join('');
}

function pieSvg(m: Extract<ChartModel, { kind: 'pie' }>, W: number, h: number, top: number, colors: string[]): string {
  const total = m.slices.reduce((s, x) => s + x.value, 0) || 1;
  const r = Math.max(Math.min(W, h - top) / 2 - 16, 10);
  const [cx, cy] = [W / 2, top + (h - top) / 2];
  let angle = -Math.PI / 2;
  const at = (a: number, rad: number) => `${(cx + rad * Math.cos(a)).toFixed(1)},${(cy + rad * Math.sin(a)).toFixed(1)}`;
  return m.slices
    .map((s, i) => {
      const sweep = (s.value / total) * Math.PI * 2;
      const [a0, a1] = [angle, angle + Math.min(sweep, Math.PI * 2 - 1e-4)];
      angle += sweep;
      const large = a1 - a0 > Math.PI ? 1 : 0;
      const inner = r * m.inner;
      const d = `M${at(a0, r)}A${r},${r} 0 ${large} 1 ${at(a1, r)}` + (inner > 0 ? `L${at(a1, inner)}A${inner},${inner} 0 ${large} 0 ${at(a0, inner)}Z` : `L${cx},${cy}Z`);
      const mid = (a0 + a1) / 2;
      const [lx, ly] = at(mid, r * (m.inner > 0 ? (1 + m.inner) / 2 : 0.65)).split(',').map(Number);
      const label = m.labels || sweep > 0.35 ? text(lx ?? cx, (ly ?? cy) + 4, `${Math.round((s.value / total) * 100)}%`, 'middle', 'ct ct-in') : '';
      return `<path d="${d}" fill="${colors[i % colors.length]}" stroke="#fff" stroke-width="1"/>${label}`;
    })
    .join('');
}

function table(m: Extract<ChartModel, { kind: 'table' }>): string {
  const cols = [...new Set(m.rows.flatMap((r) => Object.keys(r)))];
  const head = cols.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = m.rows.map((r) => `<tr>${cols.map((c) => `<td>${escapeHtml(String(r[c] ?? ''))}</td>`).join('')}</tr>`).join('');
  return `<div class="chart-note">图表类型“${escapeHtml(m.type || '未知')}”在沙盒中以表格显示</div><table class="chart-table"><tr>${head}</tr>${body}</table>`;
}

/** HTML for a `chart` element: title, SVG drawing and legend. */
export function renderChart(spec: Obj, aspectRatio: string | undefined, heightPx?: number): string {
  const head = chartHead(spec);
  const model = chartModel(spec);
  const title = head.title ? `<div class="chart-title">${escapeHtml(head.title)}</div>` : '';
  if (model.kind === 'table') return `<div class="chart">${title}${table(model)}</div>`;
  const colors = head.colors ?? PALETTE;
  const svg = (Object.entries(WIDTHS) as [string, number][])
    .map(([name, W]) => {
      const ratio = RATIOS[aspectRatio ?? ''] ?? RATIOS['16:9']!;
      // On a phone a very flat chart leaves no room for bars: never flatter than 5:3 there.
      const h = heightPx ? Math.round((heightPx / 360) * W) : Math.round(W * (name === 'narrow' ? Math.max(ratio, 0.6) : ratio));
      const body = model.kind === 'pie' ? pieSvg(model, W, h, 14, colors) : cartesianSvg(model, W, h, 14, colors);
      return `<svg class="chart-${name}" viewBox="0 0 ${W} ${h}" role="img" aria-label="${escapeHtml(head.title ?? 'chart')}">${body}</svg>`;
    })
    .join('');
  const names = model.kind === 'pie' ? model.slices.map((s) => s.name) : model.series.length > 1 ? model.series.map((s) => s.name) : [];
  const legend = names.length
    ? `<div class="chart-legend">${names.map((n, i) => `<span><i style="background:${colors[i % colors.length]}"></i>${escapeHtml(n)}</span>`).join('')}</div>`
    : '';
  return `<div class="chart">${title}${svg}${legend}</div>`;
}
