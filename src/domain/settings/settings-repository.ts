// Reads the configurable options the services obey (objection days, anonymised board, evidence window),
// each validated by zod with its default, so a missing or malformed setting never breaks a flow.
//
// Why defaults here as well as in the seed: the services must behave the same on a database that was
// migrated but not seeded (tests, a fresh install) as on a seeded one.
import { z } from 'zod';
import type { DbClient } from '../shared/db.js';

const SETTINGS = {
  /** 异议: days a member may object to a deduction. */
  'deduction.objectionDays': z.number().int().min(0).max(60).catch(3),
  /** 排行: hide other members' names on the branch board from plain members. */
  'board.anonymised': z.boolean().catch(false),
  /** A photo sent within this many minutes after a claim attaches to it. */
  'evidence.attachWindowMinutes': z.number().int().min(1).max(1440).catch(10),
  /** 主题党日: check-in opens this many minutes before the start… */
  'partyDay.checkInBeforeMinutes': z.number().int().min(0).max(720).catch(30),
  /** …and closes this many minutes after it; absences are counted from then. */
  'partyDay.checkInAfterMinutes': z.number().int().min(0).max(720).catch(60),
  /** 公示: days the objection button of a monthly public notice stays open. */
  'notice.objectionDays': z.number().int().min(1).max(30).catch(3),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]>;

export async function readSetting<K extends SettingKey>(db: DbClient, key: K): Promise<SettingValue<K>> {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  // `.catch` turns an absent (undefined) or malformed value into the default.
  return SETTINGS[key].parse(row?.value) as SettingValue<K>;
}
