// The roster file's vocabulary (product.md §10): column names in English and Chinese, role names, and the
// normalisation that makes two spellings of one mobile or e-mail compare equal.

export const ROSTER_FIELDS = ['name', 'employee_no', 'mobile', 'email', 'branch', 'role', 'open_id'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Columns a file must have; `open_id` may be left out entirely (it is resolved from mobile or e-mail). */
export const REQUIRED_COLUMNS: readonly RosterField[] = ['name', 'employee_no', 'mobile', 'email', 'branch', 'role'];

/** Header spellings operators use, compared after trimming and lower-casing. */
const HEADER_ALIASES: Readonly<Record<RosterField, readonly string[]>> = {
  name: ['name', '姓名'],
  employee_no: ['employee_no', '工号'],
  mobile: ['mobile', '手机', '手机号'],
  email: ['email', '邮箱'],
  branch: ['branch', '支部'],
  role: ['role', '角色'],
  open_id: ['open_id'],
};

const HEADER_LOOKUP: ReadonlyMap<string, RosterField> = new Map(
  ROSTER_FIELDS.flatMap((field) => HEADER_ALIASES[field].map((alias) => [alias, field] as const)),
);

/** The roster field a header cell names, or undefined for a column we do not know. */
export function fieldForHeader(header: string): RosterField | undefined {
  return HEADER_LOOKUP.get(header.trim().toLowerCase());
}

/** How a column is called in messages: the Chinese operators see in their Excel. */
export const FIELD_LABELS: Readonly<Record<RosterField, string>> = {
  name: '姓名',
  employee_no: '工号',
  mobile: '手机',
  email: '邮箱',
  branch: '支部',
  role: '角色',
  open_id: 'open_id',
};

/** The member_role enum's values; the domain stays free of Prisma types. */
export type RosterRole = 'MEMBER' | 'SECRETARY' | 'ADMIN';

const ROLE_LOOKUP: ReadonlyMap<string, RosterRole> = new Map([
  ['member', 'MEMBER'],
  ['secretary', 'SECRETARY'],
  ['admin', 'ADMIN'],
  ['党员', 'MEMBER'],
  ['支部书记', 'SECRETARY'],
  ['党委管理员', 'ADMIN'],
]);

export function roleFromText(text: string): RosterRole | undefined {
  return ROLE_LOOKUP.get(text.trim().toLowerCase());
}

export const ROLE_LABELS: Readonly<Record<RosterRole, string>> = { MEMBER: '党员', SECRETARY: '支部书记', ADMIN: '党委管理员' };

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
/** E.164: a plus, a country code and at most 15 digits in all. */
const INTERNATIONAL_MOBILE = /^\+[1-9]\d{6,14}$/;

/**
 * A mobile as stored and sent to batch_get_id: mainland numbers as 11 digits (with or without +86 in the file),
 * others as `+country…` (reference §3.7: non-mainland numbers need the country code). Undefined when invalid.
 */
export function normalizeMobile(text: string): string | undefined {
  const compact = text.replace(/[\s\-()（）]/g, '');
  const mainland = compact.startsWith('+86') ? compact.slice(3) : compact.startsWith('0086') ? compact.slice(4) : compact;
  if (MAINLAND_MOBILE.test(mainland)) return mainland;
  if (compact.startsWith('+86')) return undefined;
  return INTERNATIONAL_MOBILE.test(compact) ? compact : undefined;
}

/** E-mail addresses compare case-insensitively in practice; store them lower-cased so uniqueness means one person. */
export function normalizeEmail(text: string): string {
  return text.trim().toLowerCase();
}

/** Feishu open_ids are `ou_` plus letters and digits (the emulator's also carry underscores). */
export const OPEN_ID_PATTERN = /^ou_[A-Za-z0-9_-]{1,64}$/;

export const LIMITS = {
  /** Far above a committee's 2,200 employees; a guard against the wrong file, not a quota. */
  maxDataRows: 20_000,
  maxFileBytes: 10 * 1024 * 1024,
  maxNameLength: 64,
  maxEmployeeNoLength: 32,
  maxBranchLength: 100,
  maxEmailLength: 254,
} as const;
