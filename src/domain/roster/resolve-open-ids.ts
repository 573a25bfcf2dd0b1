// Looks up missing open_ids through contact batch_get_id (reference §3.7): at most 50 mobiles and 50 e-mails a
// call, waiting out rate limits (§4) the way retryDecision says, and stopping at the first call that fails.
import type { UnresolvedReason } from './import-report.js';
import type { Resolution } from './plan-roster.js';
import type { RosterRow } from './roster-row-schema.js';
import { normalizeMobile } from './roster-fields.js';
import type { FeishuClient } from '../../outbound/feishu-client.js';
import { FeishuApiError } from '../../outbound/errors.js';
import { withFeishuRetry, type RetryOptions } from '../../outbound/retry.js';

/** The one call the import needs from Feishu: narrow, so the chat upload and tests can pass their own. */
export type OpenIdDirectory = Pick<FeishuClient, 'batchGetId'>;

/** Feishu's limit per list per call. */
export const BATCH_GET_ID_MAX = 50;

export interface ResolveResult {
  resolved: Map<string, Resolution>;
  notResolved: Map<string, UnresolvedReason>;
  /** The kind of the Feishu error that stopped the look-ups, if one did (never its message: ids may be in it). */
  failure?: string;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}

export async function resolveOpenIds(directory: OpenIdDirectory, rows: readonly RosterRow[], retry: RetryOptions = {}): Promise<ResolveResult> {
  const mobiles = [...new Set(rows.flatMap((r) => (r.mobile ? [r.mobile] : [])))];
  const emails = [...new Set(rows.flatMap((r) => (r.email ? [r.email] : [])))];
  const mobileBatches = chunk(mobiles, BATCH_GET_ID_MAX);
  const emailBatches = chunk(emails, BATCH_GET_ID_MAX);

  const byMobile = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const askedMobiles = new Set<string>();
  const askedEmails = new Set<string>();
  let failure: string | undefined;
  for (let i = 0; i < Math.max(mobileBatches.length, emailBatches.length); i += 1) {
    const batch = { mobiles: mobileBatches[i] ?? [], emails: emailBatches[i] ?? [] };
    try {
      const users = await withFeishuRetry('contact.batch_get_id', () => directory.batchGetId(batch), { maxAttempts: 3, ...retry });
      for (const u of users) {
        if (!u.userId) continue;
        // Feishu echoes the mobile as sent; normalising again also accepts a reformatted echo.
        if (u.mobile) byMobile.set(normalizeMobile(u.mobile) ?? u.mobile, u.userId);
        if (u.email) byEmail.set(u.email.toLowerCase(), u.userId);
      }
      batch.mobiles.forEach((m) => askedMobiles.add(m));
      batch.emails.forEach((e) => askedEmails.add(e));
    } catch (e) {
      failure = e instanceof FeishuApiError ? e.kind : 'error';
      break;
    }
  }

  const resolved = new Map<string, Resolution>();
  const notResolved = new Map<string, UnresolvedReason>();
  for (const r of rows) {
    const viaMobile = r.mobile ? byMobile.get(r.mobile) : undefined;
    const viaEmail = r.email ? byEmail.get(r.email) : undefined;
    if (viaMobile && viaEmail && viaMobile !== viaEmail) notResolved.set(r.employeeNo, 'ambiguous');
    else if (viaMobile) resolved.set(r.employeeNo, { openId: viaMobile, via: 'mobile' });
    else if (viaEmail) resolved.set(r.employeeNo, { openId: viaEmail, via: 'email' });
    else {
      const asked = (!r.mobile || askedMobiles.has(r.mobile)) && (!r.email || askedEmails.has(r.email));
      notResolved.set(r.employeeNo, asked ? 'not_found' : 'failed');
    }
  }
  return { resolved, notResolved, ...(failure ? { failure } : {}) };
}
