// A seeded random source for the demo: a zh-CN faker instance (names) plus the few draws the generator needs.
// Each branch gets its own instance seeded from (seed, unit, branch), so a branch's data never depends on how
// many branches were generated before it, and streaming branch by branch gives the same result as all at once.
import { Faker, base, zh_CN } from '@faker-js/faker';

export interface DemoRng {
  readonly faker: Faker;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Poisson-distributed count with mean lambda (Knuth; lambda is small here). */
  poisson(lambda: number): number;
}

export function createRng(seed: readonly number[]): DemoRng {
  const faker = new Faker({ locale: [zh_CN, base] });
  faker.seed([...seed]);
  const float = (): number => faker.number.float({ min: 0, max: 1 });
  return {
    faker,
    int: (min, max) => faker.number.int({ min, max }),
    chance: (p) => float() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[faker.number.int({ min: 0, max: items.length - 1 })] as (typeof items)[number];
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = float() * total;
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      return (entries[entries.length - 1] as (typeof entries)[number])[0];
    },
    poisson: (lambda) => {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = float();
      while (p > limit) {
        k += 1;
        p *= float();
      }
      return k;
    },
  };
}
