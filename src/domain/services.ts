// One place to build every domain service over one database handle, sharing one rules cache.
//
// Why: the pipeline builds these once per process (or once per transaction, handing a transaction client
// as `db` so its dedupe row and the effect commit together); each factory also works on its own.
import { createAuditService, type AuditService } from './audit/audit-service.js';
import { createClaimReviewService, type ClaimReviewService } from './claims/claim-review-service.js';
import { createClaimsService, type ClaimsService } from './claims/claims-service.js';
import { createEvidenceService, type EvidenceService } from './claims/evidence-service.js';
import { createGroupBindingService, type GroupBindingService } from './groups/group-binding-service.js';
import { createDeductionsService, type DeductionsService } from './deductions/deductions-service.js';
import { createEvaluationService, type EvaluationService } from './evaluation/evaluation-service.js';
import { createEvaluationYearService, type EvaluationYearService } from './evaluation/evaluation-year-service.js';
import { createIndicatorsService, type IndicatorsService } from './indicators/indicators-service.js';
import { createLedgerService, type LedgerService } from './ledger/ledger-service.js';
import { createLeaveService, type LeaveService } from './members/leave-service.js';
import { createPledgesService, type PledgesService } from './pledges/pledges-service.js';
import { createRulesService, type RulesService } from './rules/rules-service.js';
import { createScoreService, type ScoreService } from './scoring/score-service.js';
import { createStarsService, type StarsService } from './stars/stars-service.js';
import { createVetoService, type VetoService } from './veto/veto-service.js';
import { createVolunteerService, type VolunteerService } from './volunteer/volunteer-service.js';
import { createPartyDayLibraryService, type PartyDayLibraryService } from './party-days/party-day-library-service.js';
import { createPartyDaysService, type PartyDaysService } from './party-days/party-days-service.js';
import { createPublicNoticeService, type PublicNoticeService } from './notices/public-notice-service.js';
import type { ServiceDeps } from './shared/db.js';

export interface DomainServices {
  readonly rules: RulesService;
  readonly ledger: LedgerService;
  readonly claims: ClaimsService;
  readonly claimReview: ClaimReviewService;
  readonly evidence: EvidenceService;
  readonly deductions: DeductionsService;
  readonly vetoes: VetoService;
  readonly pledges: PledgesService;
  readonly volunteer: VolunteerService;
  readonly leave: LeaveService;
  readonly scores: ScoreService;
  readonly evaluation: EvaluationService;
  readonly evaluationYear: EvaluationYearService;
  readonly stars: StarsService;
  readonly indicators: IndicatorsService;
  readonly audit: AuditService;
  readonly groups: GroupBindingService;
  readonly partyDayLibrary: PartyDayLibraryService;
  readonly partyDays: PartyDaysService;
  readonly publicNotices: PublicNoticeService;
}

export function createDomainServices(deps: ServiceDeps & { readonly rules?: RulesService; readonly rulesCacheTtlMs?: number }): DomainServices {
  const rules = deps.rules ?? createRulesService({ db: deps.db, clock: deps.clock, cacheTtlMs: deps.rulesCacheTtlMs });
  const shared = { db: deps.db, clock: deps.clock, timeZone: deps.timeZone, rules };
  return {
    rules,
    ledger: createLedgerService(shared),
    claims: createClaimsService(shared),
    claimReview: createClaimReviewService(shared),
    evidence: createEvidenceService(shared),
    deductions: createDeductionsService(shared),
    vetoes: createVetoService(shared),
    pledges: createPledgesService(shared),
    volunteer: createVolunteerService(shared),
    leave: createLeaveService(shared),
    scores: createScoreService(shared),
    evaluation: createEvaluationService(shared),
    evaluationYear: createEvaluationYearService(shared),
    stars: createStarsService(shared),
    indicators: createIndicatorsService(shared),
    audit: createAuditService(shared),
    groups: createGroupBindingService(shared),
    partyDayLibrary: createPartyDayLibraryService(shared),
    partyDays: createPartyDaysService(shared),
    publicNotices: createPublicNoticeService(shared),
  };
}
