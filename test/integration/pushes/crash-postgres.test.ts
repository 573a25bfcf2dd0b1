// A worker killed with SIGKILL mid-campaign, queues on postgres: see crash-scenario.ts.
import { describe } from 'vitest';
import { crashScenario } from './crash-scenario.js';

describe('kill -9 mid-campaign, queues on postgres', () => crashScenario('postgres'));
