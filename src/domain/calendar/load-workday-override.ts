// Reads the working-day override file from disk; the only I/O in the calendar, kept out of the pure part.
import { readFile } from 'node:fs/promises';
import type { WorkdayOverride } from './workday-override.js';
import { WorkdayOverride as WorkdayOverrideSchema } from './workday-override.js';
import { DomainError } from '../errors.js';

/** Default location, relative to the project root. */
export const DEFAULT_WORKDAY_OVERRIDE_PATH = 'config/workdays.override.json';

/** Loads and validates the override file; a missing file is an empty override, a malformed one an error. */
export async function loadWorkdayOverride(path: string = DEFAULT_WORKDAY_OVERRIDE_PATH): Promise<WorkdayOverride> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { coveredYears: [], holidays: {}, workdays: {} };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError('INVALID_CALENDAR_OVERRIDE', `${path} is not valid JSON`, { path });
  }
  const parsed = WorkdayOverrideSchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError('INVALID_CALENDAR_OVERRIDE', `${path} does not match the override shape`, {
      path,
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  return parsed.data;
}
