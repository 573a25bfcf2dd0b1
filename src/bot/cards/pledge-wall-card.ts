// 亮诺: the pledge wall card in a branch group — every approved pledge of the year with its progress and
// verdict, patched in place as pledges are approved. Long walls stop before Feishu's 30 KB card limit.
import { t } from '../messages/index.js';
import { CARD_BYTE_LIMIT, card, cardBytes, markdown, md, type Card, type CardElement } from './elements.js';

export interface WallEntry {
  memberName: string;
  content: string;
  target: string;
  dueOn: string;
  percent: number | null;
  verdict: 'fulfilled' | 'partial' | 'unfulfilled' | null;
}

const w = t.pledges.wall;

function entryElement(e: WallEntry): CardElement {
  const progress = e.verdict ? t.pledges.verdicts[e.verdict] : e.percent === null ? t.pledges.progress.none : t.pledges.progress.bar(e.percent);
  return markdown(
    [
      `**${md.user(e.memberName)}**：${md.user(e.content)}`,
      `${t.pledges.fields.target}：${md.user(e.target)}　${t.pledges.fields.due}：${e.dueOn}`,
      `${t.pledges.fields.progress}：${progress}`,
    ].join('\n'),
  );
}

export function pledgeWallCard(o: { branchName: string; year: number; entries: readonly WallEntry[] }): Card {
  const build = (shown: number): Card => {
    const elements: CardElement[] = [markdown(w.intro)];
    if (o.entries.length === 0) elements.push(markdown(w.empty));
    for (const e of o.entries.slice(0, shown)) elements.push(entryElement(e));
    if (shown < o.entries.length) elements.push(markdown(w.more(o.entries.length - shown), { size: 'notation' }));
    return card({ title: w.title(o.branchName, o.year), color: 'red', summary: w.title(o.branchName, o.year), elements });
  };
  // At most 150 entries (Feishu allows 200 elements), then fewer until the card fits the byte limit.
  let shown = Math.min(o.entries.length, 150);
  let built = build(shown);
  while (shown > 0 && cardBytes(built) > CARD_BYTE_LIMIT) {
    shown = Math.floor(shown * 0.8);
    built = build(shown);
  }
  return built;
}
