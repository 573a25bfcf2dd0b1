// Who is asking: the roster member behind a Feishu open_id, looked up once per input.
export type ActorRole = 'MEMBER' | 'SECRETARY' | 'ADMIN';
export type ActorStatus = 'ACTIVE' | 'INACTIVE' | 'ON_LEAVE';

export interface Actor {
  memberId: number;
  openId: string;
  name: string;
  role: ActorRole;
  status: ActorStatus;
  branchId: number;
  branchName: string;
}

export interface MemberDirectory {
  findByOpenId(openId: string): Promise<Actor | undefined>;
}

export type ActorLookup = { kind: 'member'; actor: Actor } | { kind: 'unknown' } | { kind: 'inactive'; actor: Actor };

export async function lookupActor(directory: MemberDirectory, openId: string): Promise<ActorLookup> {
  const actor = await directory.findByOpenId(openId);
  if (!actor) return { kind: 'unknown' };
  // Members on leave still use the bot; only reminders pause.
  if (actor.status === 'INACTIVE') return { kind: 'inactive', actor };
  return { kind: 'member', actor };
}

export function isSecretaryOrAdmin(actor: Actor): boolean {
  return actor.role === 'SECRETARY' || actor.role === 'ADMIN';
}
