// Which audience builder serves which push kind.
import type { PushKindName } from '../push-kinds.js';
import type { Audience } from './audience.js';
import { monthlyReminderAudience } from './monthly-reminder.js';

export type { Audience, AudienceContext, CampaignOptions, Recipient } from './audience.js';

const none: Audience = () => Promise.resolve([]);

const audiences: Record<PushKindName, Audience> = {
  'monthly-reminder': monthlyReminderAudience,
  'monthly-digest': none,
  'quarterly-stocktake': none,
  'annual-evaluation': none,
  'stale-reviews': none,
  'pledge-window': none,
};

export function audienceFor(kind: PushKindName): Audience {
  return audiences[kind];
}
