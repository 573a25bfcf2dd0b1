// Outgoing messages may name their own business key and ask for the bulk lane (a notice to a whole
// branch); everything else keeps the positional key and the caller's lane.
import { describe, expect, it } from 'vitest';
import { cardTo, textTo } from '../../../src/bot/reply.js';
import { itemsFor, laneKeys } from '../../../src/pipeline/outbox.js';

const card = { schema: '2.0' as const, config: { update_multi: true as const }, body: { elements: [] } };

describe('outbox items', () => {
  it('keeps positional keys unless a message names its own, and groups keys by lane', () => {
    const items = itemsFor(
      [
        textTo({ to: 'open_id', id: 'ou_1' }, 'hi'),
        { ...cardTo({ to: 'open_id', id: 'ou_2' }, card), lane: 'bulk', businessKey: 'party-day:7:notice:2' },
        { ...cardTo({ to: 'open_id', id: 'ou_3' }, card), lane: 'bulk', businessKey: 'party-day:7:notice:3' },
      ],
      'event:e1:also',
    );
    expect(items.map((i) => i.businessKey)).toEqual(['event:e1:also:0', 'party-day:7:notice:2', 'party-day:7:notice:3']);
    expect(laneKeys(items, 'interactive')).toEqual({ interactive: ['event:e1:also:0'], bulk: ['party-day:7:notice:2', 'party-day:7:notice:3'] });
  });
});
