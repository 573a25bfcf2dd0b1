// `GET /admin/exports/<name>.xlsx?year=2026[&branch=<branch name>]` with `Authorization: Bearer <ADMIN_TOKEN>`:
// the committee's Excel exports for inspections and HR systems. The workbook is built in src/exports.
//
// Why the token is checked before anything else: without it the answer is 401 whatever the path, so a
// caller without the token learns nothing (not even which export names exist). The compare is
// constant-time over SHA-256 digests, so neither the length nor a prefix of the token leaks by timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../domain/access/actor.js';
import { createDomainServices } from '../domain/services.js';
import { buildExport, isExportName } from '../exports/export-service.js';
import { localDateOf } from '../domain/periods/zoned-time.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  // Compare something even without a header, so both paths take the same time.
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

const querySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  branch: z.string().trim().min(1).max(100).optional(),
});

export async function exportRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    if (!bearerMatches(request.headers.authorization, app.config.adminToken)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
    }
  });

  app.get('/admin/exports/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const name = file.endsWith('.xlsx') ? file.slice(0, -'.xlsx'.length) : '';
    if (!isExportName(name)) return reply.code(404).send({ error: 'unknown export' });
    const query = querySchema.safeParse(request.query);
    if (!query.success) return reply.code(400).send({ error: 'year must be 2000–2100' });
    const timeZone = app.config.timeZone;
    const year = query.data.year ?? Number(localDateOf(new Date(), timeZone).slice(0, 4));
    let branchId: number | undefined;
    if (query.data.branch !== undefined) {
      const branch = await app.db.branch.findUnique({ where: { name: query.data.branch }, select: { id: true } });
      if (!branch) return reply.code(404).send({ error: 'unknown branch' });
      branchId = branch.id;
    }
    const domain = createDomainServices({ db: app.db, clock: { now: () => new Date() }, timeZone });
    const built = await buildExport({ db: app.db, domain, timeZone, now: () => new Date() }, SYSTEM_ACTOR, { year, name, ...(branchId === undefined ? {} : { branchId }) });
    const asciiName = `${name}-${year}.xlsx`;
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(built.fileName)}`)
      .header('cache-control', 'no-store')
      .send(built.bytes);
  });
}
