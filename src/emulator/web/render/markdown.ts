// Block-level Feishu card markdown: headings, (nested) lists, code fences, rules and line breaks,
// with inline formatting from markdown-inline.ts. Line structure is kept as Feishu does.
import { escapeHtml } from './html.js';
import { renderInline, type InlineContext } from './markdown-inline.js';

interface ListLine {
  indent: number;
  ordered: boolean;
  text: string;
}

const LIST_ITEM = /^(\s*)([-*+]|\d+\.)\s+(.*)$/;

function renderList(items: ListLine[], ctx: InlineContext): string {
  let html = '';
  let i = 0;
  while (i < items.length) {
    const first = items[i];
    if (!first) break;
    const tag = first.ordered ? 'ol' : 'ul';
    html += `<${tag}>`;
    while (i < items.length && items[i]?.indent === first.indent && items[i]?.ordered === first.ordered) {
      const item = items[i] as ListLine;
      i++;
      const children: ListLine[] = [];
      while (i < items.length && (items[i]?.indent ?? 0) > first.indent) children.push(items[i++] as ListLine);
      html += `<li>${renderInline(item.text, ctx)}${children.length ? renderList(children, ctx) : ''}</li>`;
    }
    // A shallower or different kind of list that follows starts a list of its own.
    html += `</${tag}>`;
  }
  return html;
}

export function renderMarkdown(src: string, ctx: InlineContext = {}): string {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let text: string[] = [];
  const flushText = () => {
    if (text.length) out.push(`<p>${text.join('<br>')}</p>`);
    text = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*```/.test(line)) {
      flushText();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i] ?? ''); i++) code.push(lines[i] ?? '');
      out.push(`<pre class="md-code"><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flushText();
      const items: ListLine[] = [];
      for (; i < lines.length; i++) {
        const m = LIST_ITEM.exec(lines[i] ?? '');
        if (!m) break;
        items.push({ indent: (m[1] ?? '').replace(/\t/g, '    ').length, ordered: /\d/.test(m[2] ?? ''), text: m[3] ?? '' });
      }
      i--;
      out.push(renderList(items, ctx));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flushText();
      out.push(`<div class="md-h md-h${heading[1]?.length}">${renderInline(heading[2] ?? '', ctx)}</div>`);
    } else if (/^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      flushText();
      out.push('<hr>');
    } else if (line.trim() === '') {
      flushText();
    } else {
      text.push(renderInline(line, ctx));
    }
  }
  flushText();
  return out.join('');
}
