// The zh-CN words for every roster issue, unresolved reason and changed field: one table for both renderings.
import type { ChangedField, RosterIssue, UnresolvedMember } from './import-report.js';
import { FIELD_LABELS, ROLE_LABELS, type RosterRole } from './roster-fields.js';

type Issue = RosterIssue;
type Text = (issue: Issue) => string;

const col = (issue: Issue): string => (issue.column ? FIELD_LABELS[issue.column] : '该列');

const TEXTS: Readonly<Record<Issue['code'], Text>> = {
  file_too_large: (i) => `文件太大（上限 ${Math.round((i.detail?.max ?? 0) / 1024 / 1024)} MB）`,
  unsupported_format: () => '只支持 .xlsx 和 UTF-8 编码的 .csv 文件；.xls 请在 Excel 中另存为 .xlsx',
  not_utf8: () => 'CSV 文件不是 UTF-8 编码：请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”，或直接使用 .xlsx',
  unreadable: (i) => `文件无法读取，请检查格式${i.detail?.reason ? `（${i.detail.reason}）` : ''}`,
  no_header: () => '没有找到表头：第一行应为 name,employee_no,mobile,email,branch,role,open_id 或 姓名,工号,手机,邮箱,支部,角色,open_id',
  missing_column: (i) => `表头缺少“${col(i)}”列`,
  duplicate_column: (i) => `表头中“${col(i)}”列出现了不止一次`,
  no_rows: () => '文件中没有党员数据',
  too_many_rows: (i) => `数据行太多（上限 ${i.detail?.max ?? ''} 行），请确认文件是否正确`,
  extra_cells: () => '表头以外的列中有内容：某个值里是否有未加引号的逗号？',
  required: (i) => `${col(i)}不能为空`,
  too_long: (i) => `${col(i)}太长`,
  bad_text: (i) => `${col(i)}中有换行或控制字符`,
  bad_employee_no: () => '工号只能包含字母、数字和 - _ .（是否被 Excel 变成了科学计数法？）',
  bad_mobile: () => '手机号格式不对：应为 11 位大陆手机号，或以“+国家码”开头',
  bad_email: () => '邮箱格式不对',
  bad_role: () => '角色应为 党员 / 支部书记 / 党委管理员（或 member / secretary / admin）',
  bad_open_id: () => 'open_id 格式不对：应以 ou_ 开头，可以留空',
  no_contact: () => '手机、邮箱、open_id 至少填一项，否则无法找到此人的飞书账号',
  duplicate_in_file: (i) => `${col(i)}与第 ${i.detail?.firstRow ?? '?'} 行重复`,
  taken_by_other_member: (i) => `${col(i)}已属于名册中工号为 ${i.detail?.otherEmployeeNo ?? '?'} 的人员`,
  branch_of_other_committee: (i) => `支部“${i.detail?.branch ?? ''}”属于另一个党委`,
  committee_not_found: (i) =>
    i.detail?.reason ? `没有找到党委“${i.detail.reason}”` : '数据库中还没有党委：请先运行 npm run db:seed',
  committee_ambiguous: () => '数据库中有多个党委：请用 --committee 指定要导入的党委',
  unknown_column: (i) => `不认识的列“${i.detail?.header ?? ''}”，已忽略`,
  branch_without_secretary: (i) => `支部“${i.detail?.branch ?? ''}”没有支部书记`,
  branch_with_several_secretaries: (i) =>
    `支部“${i.detail?.branch ?? ''}”有 ${i.detail?.rows?.length ?? 0} 位支部书记（第 ${(i.detail?.rows ?? []).join('、')} 行）`,
  resolution_skipped: (i) =>
    i.detail?.reason === 'offline' ? '按要求未连接飞书（--offline），缺少的 open_id 未解析' : '未配置 FEISHU_APP_ID / FEISHU_APP_SECRET，缺少的 open_id 未解析',
  resolution_failed: (i) => `通过飞书解析 open_id 时出错（${i.detail?.reason ?? '未知'}），其余人员未解析`,
};

/** Where an issue is: `第 3 行 · 手机`, `第 1 行`, or `文件`. */
export function issuePlace(issue: Issue): string {
  if (issue.row === undefined) return '文件';
  return issue.column ? `第 ${issue.row} 行 · ${FIELD_LABELS[issue.column]}` : `第 ${issue.row} 行`;
}

export function issueText(issue: Issue): string {
  return TEXTS[issue.code](issue);
}

export function unresolvedText(u: UnresolvedMember): string {
  switch (u.reason) {
    case 'offline':
      return '未解析（未连接飞书）';
    case 'not_found':
      return '飞书通讯录中找不到（或不在应用的通讯录权限范围内）';
    case 'ambiguous':
      return '手机号和邮箱对应的是两个不同的飞书账号';
    case 'taken':
      return `找到的飞书账号已属于工号为 ${u.otherEmployeeNo ?? '?'} 的人员`;
    case 'failed':
      return '调用飞书接口出错';
  }
}

export const CHANGED_FIELD_LABELS: Readonly<Record<ChangedField, string>> = {
  name: '姓名',
  mobile: '手机',
  email: '邮箱',
  branch: '支部',
  role: '角色',
  open_id: 'open_id',
  status: '状态',
};

/** A before/after value as a person reads it: roles and statuses in Chinese, blanks as （空）. */
export function changeValue(field: ChangedField, value: string | null): string {
  if (value === null || value === '') return '（空）';
  if (field === 'role') return ROLE_LABELS[value as RosterRole] ?? value;
  if (field === 'status') return value === 'INACTIVE' ? '停用' : value === 'ON_LEAVE' ? '请假' : '在册';
  return value;
}
