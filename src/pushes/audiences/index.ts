// Which audience builder serves which push kind.
import type { PushKindName } from '../push-kinds.js';
import type { Audience } from './audience.js';
import { annualResultsAudience } from './annual-results.js';
import { monthlyDigestAudience } from './monthly-digest.js';
import { monthlyReminderAudience } from './monthly-reminder.js';
import { annualEvaluationAudience, pledgeWindowAudience, quarterlyStocktakeAudience, staleReviewsAudience } from './prompts.js';

export type { Audience, AudienceContext, CampaignOptions, Recipient } from './audience.js';

const audiences: Record<PushKindName, Audience> = {
  'monthly-reminder': monthlyReminderAudience,
  'monthly-digest': monthlyDigestAudience,
  'quarterly-stocktake': quarterlyStocktakeAudience,
  'annual-evaluation': annualEvaluationAudience,
  'stale-reviews': staleReviewsAudience,
  'pledge-window': pledgeWindowAudience,
  'annual-results': annualResultsAudience,
};

export function audienceFor(kind: PushKindName): Audience {
  return audiences[kind];
}
