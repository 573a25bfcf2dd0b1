// "Who are you?": a searchable list of everyone in the roster (members, secretaries, the admin)
// and a visitor who is not in it; picking one makes the page act as that person.
import { escapeHtml } from '../render/html.js';
import type { PagePerson } from '../view-types.js';
import { api } from './api.js';
import { $ } from './dom.js';
import { state } from './state.js';

const ROLE_LABEL: Record<PagePerson['role'], string> = { member: '党员', secretary: '支部书记', admin: '党委管理员', guest: '不在名册' };

function row(p: PagePerson): string {
  const status = p.status === 'on_leave' ? '<span class="badge badge-grey">请假</span>' : p.status === 'inactive' ? '<span class="badge badge-grey">停用</span>' : '';
  return (
    `<li><button type="button" class="person" data-open-id="${escapeHtml(p.openId)}">` +
    `<span class="avatar">${escapeHtml(Array.from(p.name)[0] ?? '?')}</span>` +
    `<span class="person-main"><span class="person-name">${escapeHtml(p.name)}</span><span class="person-branch">${escapeHtml(p.branch)}${p.employeeNo ? ` · ${escapeHtml(p.employeeNo)}` : ''}</span></span>` +
    `<span class="badge badge-${p.role}">${ROLE_LABEL[p.role]}</span>${status}</button></li>`
  );
}

export function wirePeoplePicker(onPick: (p: PagePerson) => void): { open(): void } {
  const dialog = $('#picker');
  const search = $<HTMLInputElement>('#picker-q', dialog);
  const listEl = $('#picker-list', dialog);
  const count = $('#picker-count', dialog);
  let found: PagePerson[] = [];
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    const result = await api.people(search.value, 80);
    if (mine !== seq) return;
    found = result.people;
    listEl.innerHTML = found.map(row).join('');
    count.textContent = result.total > found.length ? `共 ${result.total} 人，显示前 ${found.length} 人，输入姓名、支部或工号筛选` : `共 ${result.total} 人`;
  };

  search.addEventListener('input', () => void refresh());
  listEl.addEventListener('click', (event) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[data-open-id]')?.dataset.openId;
    const person = found.find((p) => p.openId === id);
    if (!person) return;
    dialog.hidden = true;
    onPick(person);
  });
  $('#picker-close', dialog).addEventListener('click', () => {
    if (state.me) dialog.hidden = true;
  });

  return {
    open() {
      dialog.hidden = false;
      search.value = '';
      void refresh();
      search.focus();
    },
  };
}
