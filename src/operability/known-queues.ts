// Every queue the workers serve, for the board and the metrics.
import { QUEUES } from '../jobs/contracts.js';
import { PUSH_QUEUES } from '../pushes/push-jobs.js';

export const KNOWN_QUEUES: readonly string[] = [...Object.values(QUEUES), ...Object.values(PUSH_QUEUES)];
