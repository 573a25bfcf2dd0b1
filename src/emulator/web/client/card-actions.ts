// Clicks, picks and submits on cards: collects what Feishu would put in `card.action.trigger`
// (value, name, form_value with Feishu's date formats, option/options/input_value/checked),
// asks the page's server to send it signed to the bot, then shows the toast and the new card.
import type { Interactive } from '../render/card-context.js';
import type { CardActionRequest } from '../view-types.js';
import { api } from './api.js';
import type { ChatView } from './chat-view.js';
import { confirmDialog, showToast } from './overlays.js';
import { state } from './state.js';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const TZ = ' +0800';

/** A field's value the way Feishu sends it, or undefined when it is empty. */
function fieldValue(field: Field): string | string[] | boolean | undefined {
  const kind = field.dataset.kind;
  if (kind === 'checker') return (field as HTMLInputElement).checked;
  if (kind === 'multi') return Array.from((field as HTMLSelectElement).selectedOptions, (o) => o.value);
  const v = field.value.trim();
  if (v === '') return undefined;
  if (kind === 'date' || kind === 'time') return `${v}${TZ}`;
  if (kind === 'datetime') return `${v.replace('T', ' ')}${TZ}`;
  return kind === 'input' ? field.value : v;
}

/** form_value of a form, or the list of required fields left empty. */
function collectForm(form: Element): { values: Record<string, string | string[] | boolean>; missing: Field[] } {
  const values: Record<string, string | string[] | boolean> = {};
  const missing: Field[] = [];
  for (const field of form.querySelectorAll<Field>('[data-field]')) {
    const value = fieldValue(field);
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    field.classList.toggle('invalid', empty && field.required);
    if (empty && field.required) missing.push(field);
    if (!empty && field.dataset.field) values[field.dataset.field] = value;
    else if (field.dataset.kind === 'input' && field.dataset.field) values[field.dataset.field] = '';
  }
  return { values, missing };
}

export function wireCardActions(container: HTMLElement, view: ChatView): void {
  const locate = (target: EventTarget | null): { el: HTMLElement; messageId: string; item: Interactive } | undefined => {
    const el = (target as HTMLElement | null)?.closest<HTMLElement>('[data-i]');
    const messageId = el?.closest<HTMLElement>('.msg')?.dataset.id;
    const item = el && messageId ? view.interactives(messageId)[Number(el.dataset.i)] : undefined;
    return el && messageId && item ? { el, messageId, item } : undefined;
  };

  const send = async (el: HTMLElement, messageId: string, request: Omit<CardActionRequest, 'as' | 'messageId'>) => {
    if (!state.me) return;
    el.classList.add('busy');
    el.setAttribute('aria-busy', 'true');
    try {
      const result = await api.cardAction({ ...request, as: state.me.openId, messageId });
      if (result.toast) showToast(result.toast);
      if (result.card !== undefined) view.replaceCard(messageId, result.card);
    } catch (err) {
      showToast({ type: 'error', content: `出错了：${(err as Error).message}` });
    } finally {
      el.classList.remove('busy');
      el.removeAttribute('aria-busy');
    }
  };

  const click = async (el: HTMLElement, messageId: string, item: Interactive) => {
    if (el.hasAttribute('disabled') || el.classList.contains('busy')) return;
    if (item.formAction === 'reset') return view.redraw(messageId);
    let formValue: CardActionRequest['formValue'];
    if (item.formAction === 'submit') {
      const form = el.closest('[data-form]');
      const collected = form ? collectForm(form) : { values: {}, missing: [] };
      if (collected.missing.length > 0) {
        collected.missing[0]?.focus();
        showToast({ type: 'warning', content: '请填写必填项' });
        return;
      }
      formValue = collected.values;
    }
    if (item.confirm && !(await confirmDialog(item.confirm.title, item.confirm.text))) return;
    if (item.url && item.value === undefined && !formValue) {
      window.open(item.url, '_blank', 'noopener');
      return;
    }
    await send(el, messageId, {
      tag: item.tag,
      ...(item.name ? { name: item.name } : {}),
      ...(item.value !== undefined ? { value: item.value } : {}),
      ...(formValue ? { formValue } : {}),
    });
  };

  container.addEventListener('click', (event) => {
    const hit = locate(event.target);
    if (hit && (hit.item.tag === 'button' || hit.item.tag === 'interactive_container')) void click(hit.el, hit.messageId, hit.item);
  });

  // Outside a form, a pick or a checkbox calls back at once (inside one, it waits for submit).
  container.addEventListener('change', (event) => {
    const hit = locate(event.target);
    if (!hit || hit.item.form || hit.item.tag === 'input') return;
    const field = hit.el as Field;
    const value = fieldValue(field);
    const base = { tag: hit.item.tag, ...(hit.item.name ? { name: hit.item.name } : {}), ...(hit.item.value !== undefined ? { value: hit.item.value } : {}) };
    if (typeof value === 'boolean') void send(hit.el, hit.messageId, { ...base, checked: value });
    else if (Array.isArray(value)) void send(hit.el, hit.messageId, { ...base, options: value });
    else if (value !== undefined) void send(hit.el, hit.messageId, { ...base, option: value });
  });

  container.addEventListener('keydown', (event) => {
    const hit = locate(event.target);
    if (!hit || hit.item.form || hit.item.tag !== 'input' || event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    const base = { tag: 'input', ...(hit.item.name ? { name: hit.item.name } : {}), ...(hit.item.value !== undefined ? { value: hit.item.value } : {}) };
    void send(hit.el, hit.messageId, { ...base, inputValue: (hit.el as Field).value });
  });
}
