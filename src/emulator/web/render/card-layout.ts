// Layout and content components of a card: markdown, div (text, fields, extra), hr, column_set,
// images, note, collapsible_panel, table, person — and the dispatch over every component tag.
import { renderButton, renderOverflow, behaviourOf } from './card-buttons.js';
import { register, type CardContext } from './card-context.js';
import { renderChecker, renderInput, renderPicker, renderSelect } from './card-inputs.js';
import { renderChart } from './chart.js';
import { colorClass, escapeHtml, isObj, list, str, textOf, token, type Obj } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderInline } from './markdown-inline.js';

const MAX_DEPTH = 8;

/** A text object: lark_md/markdown through the markdown renderer, plain_text escaped. */
function textHtml(value: unknown, ctx: CardContext): string {
  const content = textOf(value);
  if (isObj(value) && (value.tag === 'lark_md' || value.tag === 'markdown')) return renderMarkdown(content, ctx);
  return escapeHtml(content).replace(/\n/g, '<br>');
}

function textStyle(value: Obj | undefined, el: Obj): string {
  const align = token(value?.text_align ?? el.text_align, 'left');
  const size = token(value?.text_size ?? el.text_size, 'normal');
  return `ta-${align} ts-${size} ${colorClass('fc', value?.text_color ?? el.text_color)}`;
}

function image(el: Obj, ctx: CardContext): string {
  const key = str(el.img_key) ?? '';
  const alt = escapeHtml(textOf(el.alt));
  const title = textOf(el.title) ? `<div class="img-title">${escapeHtml(textOf(el.title))}</div>` : '';
  return `<figure class="img img-${token(el.scale_type, 'crop_center')} img-${token(el.size, 'stretch')}">${title}<img src="${escapeHtml(ctx.imageUrl(key))}" alt="${alt}" loading="lazy"></figure>`;
}

function columnSet(el: Obj, ctx: CardContext): string {
  const cols = list(el.columns)
    .filter(isObj)
    .map((c) => {
      const width = str(c.width) ?? 'weighted';
      const style = width === 'auto' ? 'flex:0 1 auto' : /^\d+px$/.test(width) ? `flex:0 0 ${width}` : `flex:${typeof c.weight === 'number' ? c.weight : 1} 1 0`;
      return `<div class="col va-${token(c.vertical_align, 'top')} ${colorClass('bg', c.background_style)}" style="${style}">${renderElements(list(c.elements), ctx)}</div>`;
    })
    .join('');
  const gap = /^\d{1,2}px$/.test(str(el.horizontal_spacing) ?? '') ? ` style="gap:${el.horizontal_spacing}"` : '';
  return `<div class="cs cs-${token(el.flex_mode, 'none')} ${colorClass('bg', el.background_style)}"${gap}>${cols}</div>`;
}

function div(el: Obj, ctx: CardContext): string {
  const text = isObj(el.text) ? `<div class="${textStyle(el.text, el)}">${textHtml(el.text, ctx)}</div>` : '';
  const fields = list(el.fields).filter(isObj);
  const grid = fields.length
    ? `<div class="fields">${fields.map((f) => `<div class="${f.is_short ? 'fd-short' : 'fd-long'}">${textHtml(f.text, ctx)}</div>`).join('')}</div>`
    : '';
  const extra = isObj(el.extra) ? `<div class="div-extra">${renderElement(el.extra, ctx)}</div>` : '';
  return `<div class="div${extra ? ' div-with-extra' : ''}"><div class="div-main">${text}${grid}</div>${extra}</div>`;
}

function table(el: Obj, ctx: CardContext): string {
  const cols = list(el.columns).filter(isObj);
  const cell = (col: Obj, value: unknown): string => {
    if (Array.isArray(value)) return value.map((v) => (isObj(v) ? `<span class="tag ${colorClass('tag', v.color, 'neutral')}">${escapeHtml(textOf(v.text) || str(v.text) || '')}</span>` : escapeHtml(ctx.nameOf?.(String(v)) ?? String(v)))).join(' ');
    return col.data_type === 'lark_md' || col.data_type === 'markdown' ? renderInline(String(value ?? ''), ctx) : escapeHtml(String(value ?? ''));
  };
  const head = cols.map((c) => `<th>${escapeHtml(str(c.display_name) ?? str(c.name) ?? '')}</th>`).join('');
  const rows = list(el.rows).filter(isObj).map((r) => `<tr>${cols.map((c) => `<td>${cell(c, r[str(c.name) ?? ''])}</td>`).join('')}</tr>`).join('');
  return `<div class="tbl"><table><tr>${head}</tr>${rows}</table></div>`;
}

function container(el: Obj, ctx: CardContext): string {
  const i = register(ctx, { tag: 'interactive_container', ...behaviourOf(el) });
  return `<div class="ic ${colorClass('bg', el.background_style)}" data-i="${i}" role="button" tabindex="0">${renderElements(list(el.elements), ctx)}</div>`;
}

export function renderElement(el: Obj, ctx: CardContext): string {
  const inner = { ...ctx, depth: ctx.depth + 1 };
  if (inner.depth > MAX_DEPTH) return '';
  switch (el.tag) {
    case 'markdown':
    case 'lark_md':
      return `<div class="md ${textStyle(undefined, el)}">${renderMarkdown(textOf(el), inner)}</div>`;
    case 'plain_text':
      return `<div class="${textStyle(el, el)}">${textHtml(el, inner)}</div>`;
    case 'div':
      return div(el, inner);
    case 'hr':
      return '<hr class="card-hr">';
    case 'column_set':
      return columnSet(el, inner);
    case 'img':
      return image(el, inner);
    case 'img_combination':
      return `<div class="img-combo">${list(el.img_list).filter(isObj).map((x) => image(x, inner)).join('')}</div>`;
    case 'note':
      return `<div class="note">${list(el.elements).filter(isObj).map((x) => (x.tag === 'img' ? image(x, inner) : textHtml(x, inner))).join(' ')}</div>`;
    case 'action':
      return `<div class="actions">${renderElements(list(el.actions), inner)}</div>`;
    case 'form': {
      const name = str(el.name) ?? '';
      return `<div class="form" data-form="${escapeHtml(name)}">${renderElements(list(el.elements), { ...inner, form: name })}</div>`;
    }
    case 'collapsible_panel': {
      const title = isObj(el.header) ? textHtml(el.header.title, inner) : '';
      return `<details class="cp"${el.expanded === true ? ' open' : ''}><summary>${title}</summary>${renderElements(list(el.elements), inner)}</details>`;
    }
    case 'interactive_container':
      return container(el, inner);
    case 'button':
      return renderButton(el, inner);
    case 'overflow':
      return renderOverflow(el, inner);
    case 'input':
      return renderInput(el, inner);
    case 'select_static':
    case 'multi_select_static':
    case 'select_person':
    case 'multi_select_person':
      return renderSelect(el, inner);
    case 'date_picker':
    case 'picker_time':
    case 'picker_datetime':
      return renderPicker(el, inner);
    case 'checker':
      return renderChecker(el, inner);
    case 'chart':
      return isObj(el.chart_spec) ? renderChart(el.chart_spec, str(el.aspect_ratio), parseInt(str(el.height) ?? '', 10) || undefined) : '';
    case 'table':
      return table(el, inner);
    case 'person':
      return `<span class="md-at">@${escapeHtml(ctx.nameOf?.(str(el.user_id) ?? '') ?? str(el.user_id) ?? '')}</span>`;
    default:
      return `<div class="unsupported">[${escapeHtml(str(el.tag) ?? '?')}] 组件在沙盒中不预览</div>`;
  }
}

export function renderElements(elements: unknown[], ctx: CardContext): string {
  return elements.filter(isObj).map((el) => renderElement(el, ctx)).join('');
}
