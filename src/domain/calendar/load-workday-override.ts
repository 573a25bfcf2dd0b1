// Reads the working-day override file: a pure parser of its text, and a thin loader that reads the disk.
//
// Why split: the parser (JSON syntax, then the zod shape) is what can go wrong and is unit-tested; the
// loader only adds the read and treats a missing file as "no local changes".
import { readFile } from 'node:fs/promises';
import { DomainError } from '../errors.js';
import { EMPTY_WORKDAY_OVERRIDE, WorkdayOverride } from './workday-override.js';

/** Default location, relative to the project root. */
export const DEFAULT_WORKDAY_OVERRIDE_PATH = 'config/workdays.override.json';

/** Parses the file's text; INVALID_CALENDAR_OVERRIDE lists every problem (with `source` to name the file). */
export function parseWorkdayOverrideText(text: string, source = DEFAULT_WORKDAY_OVERRIDE_PATH): WorkdayOverride {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError('INVALID_CALENDAR_OVERRIDE', `${source} is not valid JSON`, { source, issues: ['not valid JSON'] });
  }
  const parsed = WorkdayOverride.safeParse(json);
  if (!parsed.success) {
    throw new DomainError('INVALID_CALENDAR_OVERRIDE', `${source} does not match the override shape`, {
      source,
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  return parsed.data;
}

/** Loads and validates the override file; a missing file is an empty override, a malformed one an error. */
export async function loadWorkdayOverride(path: string = DEFAULT_WORKDAY_OVERRIDE_PATH): Promise<WorkdayOverride> {
  try {
    return parseWorkdayOverrideText(await readFile(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_WORKDAY_OVERRIDE;
    throw error;
  }
}
