// The side panel: trigger any scheduled push now ("simulate the end of the month"), and watch the
// emulator's log of Open API calls and of rate-limit hits.
import { escapeHtml } from '../render/html.js';
import { api } from './api.js';
import { $, every, formatTime } from './dom.js';
import { showToast } from './overlays.js';

async function renderPushes(root: HTMLElement): Promise<void> {
  const panel = await api.pushes();
  const note = panel.note ? `<p class="tool-note">${escapeHtml(panel.note)}</p>` : '';
  const disabled = panel.available ? '' : ' disabled';
  root.innerHTML =
    `<h3>定时推送</h3>${note}<ul class="pushes">` +
    panel.kinds
      .map(
        (k) =>
          `<li data-kind="${escapeHtml(k.kind)}"><div class="push-name">${escapeHtml(k.label)}<small>${escapeHtml(k.kind)} · ${escapeHtml(k.audience)}</small></div>` +
          `<div class="push-run"><input aria-label="期间" value="${escapeHtml(k.defaultPeriod)}"${disabled}><button type="button" class="btn btn-primary btn-small"${disabled}>立即推送</button></div></li>`,
      )
      .join('') +
    '</ul><pre class="push-output" hidden></pre>';
}

function callsTable(rows: { at: number; method: string; path: string; endpoint?: string; status: number; code: number | null }[]): string {
  if (rows.length === 0) return '<p class="tool-note">还没有 API 调用。</p>';
  const body = rows
    .slice(-300)
    .reverse()
    .map((c) => {
      const bad = c.status !== 200 || (c.code !== null && c.code !== 0);
      return `<tr class="${bad ? 'bad' : ''}"><td>${formatTime(c.at)}</td><td>${escapeHtml(c.method)} ${escapeHtml(c.endpoint ?? c.path)}</td><td>${c.status || '—'}</td><td>${c.code ?? '—'}</td></tr>`;
    })
    .join('');
  return `<table class="log"><tr><th>时间</th><th>接口</th><th>HTTP</th><th>code</th></tr>${body}</table>`;
}

export function wireTools(): void {
  const tabs = $('#tool-tabs');
  const panes: Record<string, HTMLElement> = { pushes: $('#tool-pushes'), calls: $('#tool-calls'), limits: $('#tool-limits') };
  let active = 'pushes';
  tabs.addEventListener('click', (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[data-tab]')?.dataset.tab;
    if (!tab || !panes[tab]) return;
    active = tab;
    for (const [name, pane] of Object.entries(panes)) pane.hidden = name !== tab;
    for (const b of tabs.querySelectorAll<HTMLElement>('[data-tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
  });

  void renderPushes(panes.pushes!);
  panes.pushes!.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest('button');
    const item = button?.closest<HTMLElement>('[data-kind]');
    if (!button || !item?.dataset.kind) return;
    const period = $<HTMLInputElement>('input', item).value.trim();
    const output = $('.push-output', panes.pushes!);
    button.disabled = true;
    try {
      const result = await api.runPush(item.dataset.kind, period);
      output.hidden = false;
      output.textContent = result.output || (result.ok ? '已触发' : '失败');
      showToast({ type: result.ok ? 'success' : 'error', content: result.ok ? `已触发 ${item.dataset.kind} ${period}` : '推送失败，见输出' });
    } catch (err) {
      showToast({ type: 'error', content: (err as Error).message });
    } finally {
      button.disabled = false;
    }
  });

  every(1500, async () => {
    if (active === 'calls') panes.calls!.innerHTML = `<h3>API 调用记录</h3>${callsTable(await api.calls())}`;
    if (active === 'limits') {
      const hits = await api.rateLimitHits();
      panes.limits!.innerHTML =
        '<h3>限流命中</h3>' +
        (hits.length === 0
          ? '<p class="tool-note">没有触发限流。飞书限制：每应用每接口 50 次/秒、1000 次/分钟；对同一用户或群 5 次/秒。</p>'
          : `<table class="log"><tr><th>时间</th><th>接口</th><th>范围</th><th>对象</th></tr>${hits
              .slice(-300)
              .reverse()
              .map((h) => `<tr><td>${formatTime(h.at)}</td><td>${escapeHtml(h.endpoint)}</td><td>${escapeHtml(h.scope)}</td><td>${escapeHtml(h.key)}</td></tr>`)
              .join('')}</table>`);
    }
  });
}
