// A worker killed with SIGKILL mid-campaign, queues on redis: see crash-scenario.ts.
import { describe } from 'vitest';
import { crashScenario } from './crash-scenario.js';

describe('kill -9 mid-campaign, queues on redis', () => crashScenario('redis'));
