// Ranks members within a branch by a score, with one tie rule used everywhere (boards, stars, digests).
//
// TIE RULE: standard competition ranking ("1224"): members with exactly the same score (scores are exact
// hundredths, so "same" has no tolerance) share a rank, and the next member's rank counts everyone above
// — scores 95, 95, 90 rank 1, 1, 3. Nobody is pushed down by an arbitrary tie-break, and a rank always
// tells how many people are strictly ahead (rank − 1). Within a tie, display order is by member id, only
// so that lists are stable; it carries no meaning.
import type { Hundredths } from '../points.js';

export interface RankInput {
  readonly memberId: string;
  readonly score: Hundredths;
}

export interface RankedMember extends RankInput {
  /** 1 + the number of members with a strictly higher score. */
  readonly rank: number;
  /** How many members share this score (1 = no tie). */
  readonly tiedCount: number;
}

export function rankMembers(members: readonly RankInput[]): RankedMember[] {
  const sorted = [...members].sort(
    (a, b) => b.score - a.score || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0),
  );
  const tieSizes = new Map<Hundredths, number>();
  for (const member of sorted) tieSizes.set(member.score, (tieSizes.get(member.score) ?? 0) + 1);
  const ranked: RankedMember[] = [];
  sorted.forEach((member, index) => {
    const previous = ranked[index - 1];
    const rank = previous !== undefined && previous.score === member.score ? previous.rank : index + 1;
    ranked.push({ memberId: member.memberId, score: member.score, rank, tiedCount: tieSizes.get(member.score) ?? 1 });
  });
  return ranked;
}
