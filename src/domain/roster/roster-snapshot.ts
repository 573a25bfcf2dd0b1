// The slice of the database an import compares the file against, as plain data (loaded by roster-repository).
import type { RosterRole } from './roster-fields.js';

export type RosterStatus = 'ACTIVE' | 'INACTIVE' | 'ON_LEAVE';

export interface ExistingMember {
  id: number;
  employeeNo: string;
  name: string;
  mobile: string | null;
  email: string | null;
  openId: string | null;
  branchId: number;
  branchName: string;
  role: RosterRole;
  status: RosterStatus;
}

export interface ExistingBranch {
  id: number;
  name: string;
  committeeId: number;
}

export interface RosterSnapshot {
  committee: { id: number; name: string };
  /** Branches named in the file (any committee: names are unique across the database) and the committee's own. */
  branches: ExistingBranch[];
  /** Members sharing an employee number, mobile, e-mail or open_id with the file; with --deactivate-missing,
   *  also every member of the committee who is not yet deactivated. */
  members: ExistingMember[];
}
