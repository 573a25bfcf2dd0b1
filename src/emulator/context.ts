// Everything one emulator instance holds, shared by its route modules and its control methods.
import { CardTokens } from './card-tokens.js';
import { Directory } from './directory.js';
import { FaultInjector } from './faults.js';
import { MediaStore } from './media-store.js';
import { MessageStore } from './message-store.js';
import { FixedWindowLimiter } from './rate-limiter.js';
import { TenantTokens } from './tenant-tokens.js';
import {
  type ApiCall,
  type EmulatorAppConfig,
  type EmulatorLimits,
  type EmulatorOptions,
  FEISHU_LIMITS,
  type RateLimitHit,
} from './types.js';

export interface EmulatorContext {
  app: Required<EmulatorAppConfig>;
  now: () => number;
  limits: EmulatorLimits;
  directory: Directory;
  messages: MessageStore;
  media: MediaStore;
  tokens: TenantTokens;
  cardTokens: CardTokens;
  faults: FaultInjector;
  limiter: FixedWindowLimiter;
  calls: ApiCall[];
  rateLimitHits: RateLimitHit[];
}

export function createContext(options: EmulatorOptions): EmulatorContext {
  const now = options.now ?? Date.now;
  const ctx: EmulatorContext = {
    app: {
      botName: 'Vanguard',
      botOpenId: 'ou_bot0000000000000000000000000000',
      tenantKey: 'tenant_emulator',
      ...options.app,
    },
    now,
    limits: { ...FEISHU_LIMITS, ...options.limits },
    directory: new Directory(),
    messages: new MessageStore(now),
    media: new MediaStore(),
    tokens: new TenantTokens(now, options.tokenTtlSeconds ?? 7200, options.tokenRenewWithinSeconds ?? 1800),
    cardTokens: new CardTokens(now),
    faults: new FaultInjector(),
    limiter: new FixedWindowLimiter(now),
    calls: [],
    rateLimitHits: [],
  };
  for (const u of options.users ?? []) ctx.directory.addUser(u);
  for (const c of options.chats ?? []) ctx.directory.addChat(c);
  return ctx;
}
