// `npm run bench [-- --scales 1,10] [--sample 300] [--fresh] [--fanout 5000] [--fanout-backend redis|postgres] [--only-fanout]`:
// prepares a scratch database per scale with the demo data, runs the bench modules against it and prints
// a table; then a push campaign's fan-out against the emulator at 50/s (`--fanout 0` skips it).
// Numbers are printed, never asserted.
import { parseArgs } from 'node:util';
import { prepareBenchDatabase } from './bench-database.js';
import { benchPushFanout } from './push-fanout.js';
import { benchScores } from './score-bench.js';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10' },
    sample: { type: 'string', default: '300' },
    fresh: { type: 'boolean', default: false },
    fanout: { type: 'string', default: '5000' },
    'fanout-backend': { type: 'string', default: 'redis' },
    'only-fanout': { type: 'boolean', default: false },
  },
  strict: true,
});
const scales = values.scales.split(',').map((s) => Number(s.trim()));
const sample = Number(values.sample);
const fanout = Number(values.fanout);
const fanoutBackend = values['fanout-backend'];
if (
  scales.some((s) => !Number.isInteger(s) || s < 1) ||
  !Number.isInteger(sample) ||
  sample < 1 ||
  !Number.isInteger(fanout) ||
  fanout < 0 ||
  (fanoutBackend !== 'redis' && fanoutBackend !== 'postgres')
) {
  console.error('usage: npm run bench -- [--scales 1,10] [--sample 300] [--fresh] [--fanout 5000] [--fanout-backend redis|postgres] [--only-fanout]');
  process.exit(2);
}
// The demo's year ends on this day: fixed, so every run measures the same data.
const AS_OF = '2026-11-28';
const PERIODS = ['2026-11', '2026'];

const fmt = (ms: number) => ms.toFixed(1).padStart(8);
const lines: string[] = [`${'scale'.padEnd(6)}${'measure'.padEnd(24)}${'n'.padStart(6)}${'mean ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}`];
const notes: string[] = [];

for (const scale of values['only-fanout'] ? [] : scales) {
  console.log(`preparing ×${scale} …`);
  const bench = await prepareBenchDatabase({ scale, seed: 1, asOf: AS_OF }, { fresh: values.fresh, log: (line) => console.log(line) });
  try {
    const result = await benchScores(bench.db, { periods: PERIODS, sample });
    notes.push(
      `×${scale}: ${result.branches} branches, ${result.members} members, ${result.ledgerRows} ledger rows ` +
        `(${bench.prepared === 'loaded' ? `loaded in ${bench.loadSeconds.toFixed(0)} s` : 'reused'}); board read of the largest branch: ${result.plan}`,
    );
    for (const t of result.timings) lines.push(`${`×${scale}`.padEnd(6)}${t.label.padEnd(24)}${String(t.count).padStart(6)} ${fmt(t.meanMs)} ${fmt(t.p95Ms)} ${fmt(t.maxMs)}`);
  } finally {
    await bench.db.$disconnect();
  }
}

if (!values['only-fanout']) console.log(`\n${lines.join('\n')}\n\n${notes.join('\n')}`);
if (fanout > 0) {
  console.log(`\npush fan-out of ${fanout} recipients against the emulator …`);
  const result = await benchPushFanout({ recipients: fanout, backend: fanoutBackend as 'redis' | 'postgres' });
  console.log(result.lines.join('\n'));
}
// Pools of closed clients may keep timers a moment longer; a bench has nothing left to wait for.
process.exit(0);
