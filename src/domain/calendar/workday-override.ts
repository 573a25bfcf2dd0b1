// The shape of the local working-day override file (config/workdays.override.json), validated by zod.
//
// Why a file: the dataset package covers a year only once the State Council publishes it (usually in
// November), and a site may add local arrangements. The file extends or corrects the package without a
// release: `holidays` are days off, `workdays` are make-up working days (调休上班), and `coveredYears`
// declares years the file describes completely, so a year the package lacks can still be answered.
import { z } from 'zod';
import { LocalDateText } from '../rules/rules-schema.js';

const DayNotes = z.record(LocalDateText, z.string().max(100));

export const WorkdayOverride = z
  .object({
    /** Free text for whoever edits the file; ignored. */
    $comment: z.union([z.string(), z.array(z.string())]).optional(),
    coveredYears: z.array(z.number().int().min(2000).max(2999)).default([]),
    holidays: DayNotes.default({}),
    workdays: DayNotes.default({}),
  })
  .strict()
  .superRefine((value, ctx) => {
    for (const date of Object.keys(value.holidays)) {
      if (date in value.workdays) {
        ctx.addIssue({ code: 'custom', message: `${date} is listed as both a holiday and a working day`, path: ['workdays', date] });
      }
    }
  });

export type WorkdayOverride = z.infer<typeof WorkdayOverride>;

/** An override that changes nothing. */
export const EMPTY_WORKDAY_OVERRIDE: WorkdayOverride = Object.freeze({ coveredYears: [], holidays: {}, workdays: {} });
