// Fillable card components — input (single and multi-line), select_static, multi_select_static,
// select_person, date/time pickers and checker — as HTML fields that carry their Feishu `name`.
import { behaviourOf } from './card-buttons.js';
import { register, type CardContext } from './card-context.js';
import { escapeHtml, isObj, list, str, textOf, type Obj } from './html.js';

/** How the page turns a field's value into Feishu's callback format. */
export type FieldKind = 'input' | 'select' | 'multi' | 'date' | 'time' | 'datetime' | 'checker';

function field(el: Obj, ctx: CardContext, kind: FieldKind, control: (attrs: string) => string): string {
  const name = str(el.name) ?? '';
  const required = el.required === true;
  const i = register(ctx, { tag: str(el.tag) ?? kind, ...behaviourOf(el), ...(name ? { name } : {}), ...(required ? { required } : {}) });
  const disabled = el.disabled === true ? ' disabled' : '';
  const attrs = `data-i="${i}" data-kind="${kind}" data-field="${escapeHtml(name)}"${required ? ' required' : ''}${disabled}`;
  const label = textOf(el.label);
  const labelHtml = label ? `<span class="fl">${escapeHtml(label)}${required ? '<em>*</em>' : ''}</span>` : '';
  const side = el.label_position === 'left' ? ' fi-left' : '';
  const width = el.width === 'fill' || el.width === undefined ? ' fi-fill' : '';
  return `<label class="fi${side}${width}">${labelHtml}${control(attrs)}</label>`;
}

const placeholderOf = (el: Obj) => escapeHtml(textOf(el.placeholder));

function options(el: Obj, selected: (value: string) => boolean, nameOf?: (id: string) => string | undefined): string {
  return list(el.options)
    .filter(isObj)
    .map((o) => {
      const value = str(o.value) ?? '';
      const label = textOf(o.text) || nameOf?.(value) || value;
      return `<option value="${escapeHtml(value)}"${selected(value) ? ' selected' : ''}>${escapeHtml(label)}</option>`;
    })
    .join('');
}

export function renderInput(el: Obj, ctx: CardContext): string {
  const initial = escapeHtml(str(el.default_value) ?? textOf(el.i18n_default_value));
  const max = typeof el.max_length === 'number' ? ` maxlength="${el.max_length}"` : '';
  return field(el, ctx, 'input', (attrs) =>
    el.input_type === 'multiline_text'
      ? `<textarea ${attrs} rows="${typeof el.rows === 'number' ? Math.min(el.rows, 10) : 3}" placeholder="${placeholderOf(el)}"${max}>${initial}</textarea>`
      : `<input ${attrs} type="${el.input_type === 'password' ? 'password' : 'text'}" value="${initial}" placeholder="${placeholderOf(el)}"${max}>`,
  );
}

export function renderSelect(el: Obj, ctx: CardContext): string {
  const tag = str(el.tag) ?? '';
  const multi = tag.startsWith('multi_');
  const initial = multi ? list(el.selected_values).map(String) : [str(el.initial_option) ?? ''];
  const people = tag.endsWith('person') ? ctx.nameOf : undefined;
  return field(el, ctx, multi ? 'multi' : 'select', (attrs) =>
    multi
      ? `<select ${attrs} multiple size="${Math.min(Math.max(list(el.options).length, 2), 5)}">${options(el, (v) => initial.includes(v), people)}</select>`
      : `<select ${attrs}><option value="">${placeholderOf(el) || '请选择'}</option>${options(el, (v) => initial.includes(v), people)}</select>`,
  );
}

export function renderPicker(el: Obj, ctx: CardContext): string {
  const tag = str(el.tag);
  if (tag === 'picker_time') {
    return field(el, ctx, 'time', (a) => `<input ${a} type="time" value="${escapeHtml(str(el.initial_time) ?? '')}">`);
  }
  if (tag === 'picker_datetime') {
    const initial = (str(el.initial_datetime) ?? '').replace(' ', 'T');
    return field(el, ctx, 'datetime', (a) => `<input ${a} type="datetime-local" value="${escapeHtml(initial)}">`);
  }
  return field(el, ctx, 'date', (a) => `<input ${a} type="date" value="${escapeHtml(str(el.initial_date) ?? '')}" placeholder="${placeholderOf(el)}">`);
}

export function renderChecker(el: Obj, ctx: CardContext): string {
  const checked = el.checked === true ? ' checked' : '';
  return field(el, ctx, 'checker', (a) => `<span class="checker"><input ${a} type="checkbox"${checked}> ${escapeHtml(textOf(el.text))}</span>`);
}
