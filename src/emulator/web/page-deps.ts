// What the sandbox page needs from whoever hosts it: the emulator, an injector pointed at the
// bot, the roster to pick people from, and the scheduled-push trigger.
import type { EmulatorControl } from '../control.js';
import type { EventContext } from '../event-builders.js';
import type { EventInjector } from '../event-injector.js';
import type { PagePerson, PushPanelView, PushRunResult } from './view-types.js';

export interface PushPanel {
  view(): PushPanelView;
  run(kind: string, period: string): Promise<PushRunResult>;
}

export interface SandboxPageDeps {
  control: EmulatorControl;
  injector: Pick<EventInjector, 'deliver' | 'sendCardAction'>;
  events: EventContext;
  /** Everyone the page offers to "be": the roster, plus anyone else worth trying. */
  people(): Promise<PagePerson[]>;
  pushes: PushPanel;
  /** Answered at /_sandbox/health, so a second sandbox can tell one is running. */
  health: Record<string, unknown>;
  now?: () => number;
}
