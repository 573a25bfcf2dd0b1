// Toasts (as the Feishu client shows a callback's answer) and the confirm dialog of buttons
// that carry a `confirm`.
import type { Toast } from '../view-types.js';
import { $, html } from './dom.js';
import { escapeHtml } from '../render/html.js';

const ICONS: Record<Toast['type'], string> = { success: '✓', error: '!', warning: '!', info: 'i' };

export function showToast(toast: Toast): void {
  const node = html(`<div class="toast toast-${toast.type}" role="status"><b>${ICONS[toast.type]}</b> ${escapeHtml(toast.content)}</div>`);
  $('#toasts').append(node);
  window.setTimeout(() => node.remove(), 3500);
}

/** Resolves true when the person confirms. */
export function confirmDialog(title: string, text: string): Promise<boolean> {
  const dialog = $('#confirm');
  $('#confirm-title', dialog).textContent = title;
  $('#confirm-text', dialog).textContent = text;
  dialog.hidden = false;
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      dialog.hidden = true;
      ok.removeEventListener('click', onOk);
      cancel.removeEventListener('click', onCancel);
      resolve(answer);
    };
    const ok = $('#confirm-ok', dialog);
    const cancel = $('#confirm-cancel', dialog);
    const onOk = () => done(true);
    const onCancel = () => done(false);
    ok.addEventListener('click', onOk);
    cancel.addEventListener('click', onCancel);
    ok.focus();
  });
}
