// Lists the audit log for admins (issue 6: an admin can list recent entries in the bot).
import { assertAdmin, type ServiceActor } from '../access/actor.js';
import type { ServiceDeps } from '../shared/db.js';
import { listAudit, type AuditRow } from './audit-repository.js';

export interface AuditService {
  recent(actor: ServiceActor, options?: { readonly limit?: number; readonly offset?: number; readonly branchId?: number }): Promise<AuditRow[]>;
}

export function createAuditService(deps: Pick<ServiceDeps, 'db'>): AuditService {
  return {
    async recent(actor, options = {}) {
      assertAdmin(actor, 'read the audit log');
      const limit = Math.min(Math.max(options.limit ?? 20, 1), 200);
      const offset = Math.min(Math.max(Math.trunc(options.offset ?? 0), 0), 100_000);
      return listAudit(deps.db, { limit, offset, ...(options.branchId === undefined ? {} : { branchId: options.branchId }) });
    },
  };
}
