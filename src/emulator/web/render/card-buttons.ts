// Buttons and other clickable components of a card (button, overflow, interactive_container),
// with their callback values, open_url behaviours, confirm dialogs and form roles.
import { register, type CardContext, type Interactive } from './card-context.js';
import { escapeHtml, isObj, list, safeUrl, str, textOf, token, type Obj } from './html.js';

/** The callback value and URL of a component, from 2.0 `behaviors` or 1.0 `value`/`url`. */
export function behaviourOf(el: Obj): Pick<Interactive, 'value' | 'url'> {
  const out: Pick<Interactive, 'value' | 'url'> = {};
  for (const b of list(el.behaviors)) {
    if (!isObj(b)) continue;
    if (b.type === 'callback' && out.value === undefined) out.value = b.value;
    const url = b.type === 'open_url' ? safeUrl(str(b.default_url) ?? str(b.pc_url) ?? '') : undefined;
    if (url) out.url = url;
  }
  if (out.value === undefined && el.value !== undefined) out.value = el.value;
  const legacy = safeUrl(str(el.url) ?? (isObj(el.multi_url) ? (str(el.multi_url.url) ?? '') : ''));
  if (!out.url && legacy) out.url = legacy;
  return out;
}

export function confirmOf(el: Obj): Interactive['confirm'] {
  if (!isObj(el.confirm)) return undefined;
  return { title: textOf(el.confirm.title), text: textOf(el.confirm.text) };
}

export function renderButton(el: Obj, ctx: CardContext): string {
  const action = str(el.form_action_type);
  const formAction = action === 'submit' || action === 'reset' ? action : undefined;
  const confirm = confirmOf(el);
  const name = str(el.name);
  const i = register(ctx, {
    tag: 'button',
    ...behaviourOf(el),
    ...(name ? { name } : {}),
    ...(confirm ? { confirm } : {}),
    ...(formAction ? { formAction } : {}),
  });
  const width = el.width === 'fill' ? ' btn-fill' : '';
  const disabled = el.disabled === true ? ' disabled' : '';
  const tip = el.disabled === true && el.disabled_tips ? ` title="${escapeHtml(textOf(el.disabled_tips))}"` : '';
  return `<button type="button" class="btn btn-${token(el.type, 'default')} btn-${token(el.size, 'medium')}${width}" data-i="${i}"${disabled}${tip}>${escapeHtml(textOf(el.text))}</button>`;
}

export function renderOverflow(el: Obj, ctx: CardContext): string {
  const i = register(ctx, { tag: 'overflow', ...behaviourOf(el) });
  const options = list(el.options)
    .filter(isObj)
    .map((o) => `<option value="${escapeHtml(str(o.value) ?? '')}">${escapeHtml(textOf(o.text))}</option>`)
    .join('');
  return `<select class="overflow" data-i="${i}" aria-label="更多"><option value="">⋯</option>${options}</select>`;
}
