// The demo organisation: the committee's real shape at ×1, unique identities at any scale, and determinism.
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../../src/demo/generate-organisation.js';

const asOf = '2026-11-28';

describe('generateOrganisation', () => {
  const org = generateOrganisation({ seed: 7, scale: 1, asOf });

  it('gives 21 branches and 710 members at ×1', () => {
    expect(org.branches).toHaveLength(21);
    expect(org.members).toHaveLength(710);
    expect(org.branches.map((b) => b.name)).toContain('采油一区党支部');
    expect(org.branches.map((b) => b.name)).toContain('机关第一党支部');
  });

  it('gives every branch exactly one secretary and the committee exactly one admin', () => {
    for (const branch of org.branches) {
      const secretaries = org.members.filter((m) => m.branchCode === branch.code && m.role === 'SECRETARY');
      expect(secretaries, branch.name).toHaveLength(1);
    }
    expect(org.members.filter((m) => m.role === 'ADMIN')).toHaveLength(1);
  });

  it('gives plausible Chinese names and unique employee numbers, mobiles, emails and Feishu ids', () => {
    for (const m of org.members) {
      expect(m.name).toMatch(/^[\u4e00-\u9fa5]{2,5}$/);
      expect(m.mobile).toMatch(/^1[3-9]\d{9}$/);
    }
    for (const field of ['employeeNo', 'mobile', 'email', 'openId', 'unionId', 'userId'] as const) {
      expect(new Set(org.members.map((m) => m[field])).size, field).toBe(710);
    }
    expect(new Set(org.branches.map((b) => b.groupChatId)).size).toBe(21);
  });

  it('keeps leave dates only for members on leave', () => {
    for (const m of org.members) expect(m.leaveUntil !== null).toBe(m.status === 'ON_LEAVE');
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateOrganisation({ seed: 7, scale: 1, asOf })).toEqual(org);
    const other = generateOrganisation({ seed: 8, scale: 1, asOf });
    expect(other.members.map((m) => m.name)).not.toEqual(org.members.map((m) => m.name));
  });

  it('scales by whole sub-areas with unique codes and names and still one admin', () => {
    const big = generateOrganisation({ seed: 7, scale: 10, asOf });
    expect(big.branches).toHaveLength(210);
    expect(big.members).toHaveLength(7100);
    expect(new Set(big.branches.map((b) => b.code)).size).toBe(210);
    expect(new Set(big.branches.map((b) => b.name)).size).toBe(210);
    expect(new Set(big.members.map((m) => m.mobile)).size).toBe(7100);
    expect(big.members.filter((m) => m.role === 'SECRETARY')).toHaveLength(210);
    expect(big.members.filter((m) => m.role === 'ADMIN')).toHaveLength(1);
    // Unit 0 of a scaled dataset is the ×1 dataset.
    expect(big.members.slice(0, 710)).toEqual(org.members);
  });

  it('refuses a scale that is not a positive whole number', () => {
    expect(() => generateOrganisation({ seed: 7, scale: 0, asOf })).toThrow(/scale/);
    expect(() => generateOrganisation({ seed: 7, scale: 1.5, asOf })).toThrow(/scale/);
  });
});
