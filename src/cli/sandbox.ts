// `npm run sandbox`: the whole bot on one machine against the built-in Feishu emulator.
// Not built yet (issue 9); say so plainly instead of failing obscurely.
console.log(
  [
    'The sandbox is not available yet.',
    'Until it lands: set DATABASE_URL (and optionally REDIS_URL), run `npm run db:migrate`,',
    '`npm run db:seed`, then `npm run dev` and `npm run dev:worker`.',
  ].join('\n'),
);
process.exitCode = 1;
