// The 21 branches of the demo committee, an oilfield operating area (作业区): offices, oil production areas,
// gathering and processing stations, research institutes and support units, with realistic member counts.
import type { BranchKind } from './demo-types.js';

export interface BranchTemplate {
  readonly name: string;
  readonly kind: BranchKind;
  readonly members: number;
}

/** Member counts add up to the committee's 710 members. */
export const BRANCH_TEMPLATES: readonly BranchTemplate[] = [
  { name: '机关第一党支部', kind: 'office', members: 40 },
  { name: '机关第二党支部', kind: 'office', members: 36 },
  { name: '机关第三党支部', kind: 'office', members: 30 },
  { name: '采油一区党支部', kind: 'production', members: 46 },
  { name: '采油二区党支部', kind: 'production', members: 44 },
  { name: '采油三区党支部', kind: 'production', members: 42 },
  { name: '采油四区党支部', kind: 'production', members: 37 },
  { name: '采油五区党支部', kind: 'production', members: 35 },
  { name: '采油六区党支部', kind: 'production', members: 33 },
  { name: '注水作业区党支部', kind: 'production', members: 31 },
  { name: '油气集输大队党支部', kind: 'processing', members: 35 },
  { name: '联合站党支部', kind: 'processing', members: 39 },
  { name: '天然气处理站党支部', kind: 'processing', members: 28 },
  { name: '井下作业大队党支部', kind: 'production', members: 44 },
  { name: '维修保运大队党支部', kind: 'support', members: 33 },
  { name: '工艺研究所党支部', kind: 'research', members: 27 },
  { name: '地质研究所党支部', kind: 'research', members: 25 },
  { name: '生产运行指挥中心党支部', kind: 'office', members: 29 },
  { name: '安全环保监督站党支部', kind: 'support', members: 22 },
  { name: '物资供应站党支部', kind: 'support', members: 24 },
  { name: '后勤服务中心党支部', kind: 'support', members: 30 },
];

/** Which vanguard roles members of a kind of branch tend to take up (weights). */
export const ROLE_WEIGHTS: Record<BranchKind, readonly (readonly ['V1' | 'V2' | 'V3' | 'V4', number])[]> = {
  office: [['V1', 5], ['V2', 1], ['V3', 3], ['V4', 1]],
  production: [['V1', 1], ['V2', 5], ['V3', 3], ['V4', 3]],
  processing: [['V1', 1], ['V2', 5], ['V3', 3], ['V4', 2]],
  research: [['V1', 1], ['V2', 1], ['V3', 2], ['V4', 6]],
  support: [['V1', 2], ['V2', 4], ['V3', 3], ['V4', 2]],
};

/**
 * Code and name of template `index` in scale unit `unit`. Unit 0 is the real committee; further units (for
 * ×10, ×100 benchmarks) repeat it under numbered sub-areas so names and codes stay unique.
 */
export function branchIdentity(unit: number, index: number): { code: string; name: string } {
  const template = BRANCH_TEMPLATES[index];
  if (!template) throw new Error(`no branch template ${index}`);
  const base = `B${String(index + 1).padStart(2, '0')}`;
  if (unit === 0) return { code: base, name: template.name };
  return { code: `U${String(unit + 1).padStart(3, '0')}-${base}`, name: `第${unit + 1}分区${template.name}` };
}
