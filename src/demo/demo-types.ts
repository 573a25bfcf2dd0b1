// Plain-data shapes of the generated demo dataset. Rows refer to each other by natural keys (employee number,
// branch code, idempotency key), never by database ids, so generation stays pure and the writer maps keys to ids.

export type VanguardRoleCode = 'V1' | 'V2' | 'V3' | 'V4';
export type BasicItemCode = 'B1' | 'B2' | 'B3';
/** A local date in Asia/Shanghai, `YYYY-MM-DD`. */
export type LocalDate = string;

export type BranchKind = 'office' | 'production' | 'processing' | 'research' | 'support';

export interface DemoBranch {
  readonly code: string;
  readonly name: string;
  readonly kind: BranchKind;
  readonly sortOrder: number;
  /** The bound Feishu group chat of the branch (`oc_…`). */
  readonly groupChatId: string;
  readonly groupChatName: string;
}

export interface DemoMember {
  readonly employeeNo: string;
  readonly name: string;
  readonly mobile: string;
  readonly email: string;
  readonly branchCode: string;
  readonly role: 'MEMBER' | 'SECRETARY' | 'ADMIN';
  readonly openId: string;
  readonly unionId: string;
  readonly userId: string;
  readonly status: 'ACTIVE' | 'INACTIVE' | 'ON_LEAVE';
  readonly leaveUntil: LocalDate | null;
  readonly partyJoinedOn: LocalDate;
}

export interface DemoOrganisation {
  readonly branches: readonly DemoBranch[];
  readonly members: readonly DemoMember[];
}

export interface DemoClaim {
  readonly key: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly roleCode: VanguardRoleCode;
  readonly activityCode: string;
  readonly activityDate: LocalDate;
  /** Decimal string in the activity's unit. */
  readonly quantity: string;
  readonly description: string;
  readonly status: 'DRAFT' | 'PENDING' | 'APPROVED' | 'RETURNED' | 'WITHDRAWN';
  readonly createdAt: Date;
  readonly submittedAt: Date | null;
  readonly reviewerNo: string | null;
  readonly reviewedAt: Date | null;
  readonly reviewComment: string | null;
  /** Uncapped points from the rule table, as shown to the member before review. */
  readonly estimatedPoints: string;
}

/** Why a cap held a claim back; the shape of the rules engine's CapNote (amounts in hundredths). */
export interface DemoCapNote {
  readonly kind: 'activityMonthly' | 'roleYearly' | 'vanguardYearly';
  readonly itemCode?: VanguardRoleCode;
  readonly activityCode?: string;
  readonly period: string;
  readonly limit: number;
  readonly used: number;
  readonly remaining: number;
}

export interface DemoLedgerEntry {
  /** Natural key within the dataset; the writer derives the stored business key from it. */
  readonly key: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly cause: 'CLAIM' | 'DEDUCTION' | 'REVERSAL';
  readonly itemCode: VanguardRoleCode | BasicItemCode;
  readonly activityCode: string | null;
  readonly deductionCode: string | null;
  readonly quantity: string | null;
  /** Signed decimal string. */
  readonly points: string;
  readonly requestedPoints: string;
  readonly capNote: DemoCapNote | null;
  readonly occurredOn: LocalDate;
  readonly claimKey: string | null;
  readonly deductionKey: string | null;
  /** For a REVERSAL: the key of the entry it reverses. */
  readonly reversesKey: string | null;
  readonly reason: string | null;
  readonly actorNo: string | null;
  readonly createdAt: Date;
}

export interface DemoDeduction {
  readonly key: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly ruleCode: string;
  readonly itemCode: BasicItemCode;
  readonly quantity: string;
  /** Positive magnitude. */
  readonly points: string;
  readonly occurredOn: LocalDate;
  readonly reason: string;
  readonly createdByNo: string;
  readonly status: 'ACTIVE' | 'REVERSED';
  readonly objectionDeadline: Date;
  readonly createdAt: Date;
}

export interface DemoObjection {
  readonly deductionKey: string;
  readonly memberNo: string;
  readonly text: string;
  readonly status: 'OPEN' | 'UPHELD' | 'REJECTED';
  readonly resolverNo: string | null;
  readonly resolution: string | null;
  readonly resolvedAt: Date | null;
  readonly createdAt: Date;
}

export type PledgeServesCode = BasicItemCode | VanguardRoleCode | 'MASSES';

export interface DemoPledge {
  readonly key: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly year: number;
  readonly content: string;
  readonly serves: PledgeServesCode;
  readonly target: string;
  readonly dueOn: LocalDate;
  readonly status: 'DRAFT' | 'PENDING' | 'APPROVED' | 'RETURNED' | 'WITHDRAWN';
  readonly createdAt: Date;
  readonly submittedAt: Date | null;
  readonly reviewerNo: string | null;
  readonly reviewedAt: Date | null;
  readonly reviewComment: string | null;
  readonly fulfilment: 'NONE' | 'FULFILLED' | 'PARTIAL' | 'UNFULFILLED';
  readonly evaluatorNo: string | null;
  readonly evaluatedAt: Date | null;
}

export interface DemoPledgeProgress {
  readonly key: string;
  readonly pledgeKey: string;
  readonly percent: number;
  readonly text: string;
  readonly createdAt: Date;
}

export interface DemoVolunteerRecord {
  readonly key: string;
  readonly memberNo: string;
  readonly branchCode: string;
  readonly hours: string;
  readonly activity: string;
  readonly serviceDate: LocalDate;
  readonly createdAt: Date;
}

/** Everything generated for one branch: the unit the writer loads and the progress bar counts. */
export interface DemoBranchActivity {
  readonly branchCode: string;
  readonly claims: readonly DemoClaim[];
  readonly ledger: readonly DemoLedgerEntry[];
  readonly deductions: readonly DemoDeduction[];
  readonly objections: readonly DemoObjection[];
  readonly pledges: readonly DemoPledge[];
  readonly progress: readonly DemoPledgeProgress[];
  readonly volunteer: readonly DemoVolunteerRecord[];
}
