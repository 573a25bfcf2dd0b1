// `志愿` / `volunteer`: record volunteer service inline (`志愿 2 社区义诊 [2026-11-20]`) or by the form;
// without arguments, my year's records with the total and the form.
import { formKey, parseTypedDate, todayIn } from '../forms.js';
import { volunteerCard, volunteerSavedCard } from '../cards/service-cards.js';
import { t } from '../messages/index.js';
import { UserFacingError } from '../user-error.js';
import type { CommandDefinition } from './command.js';

export const volunteerCommand: CommandDefinition<'volunteer'> = {
  name: 'volunteer',
  aliases: ['志愿', '志愿服务', '我的志愿', 'volunteer'],
  menuKeys: ['volunteer'],
  run: async ({ actor, input, args, services }) => {
    const today = todayIn(services.timeZone, services.now());
    const year = Number(today.slice(0, 4));
    if (args.length === 0) {
      const records = await services.domain.volunteer.listMine(actor, year);
      return { reply: volunteerCard({ year, records, formKey: formKey(input.key, 'volunteer.submit'), today }) };
    }
    const hours = Number(args[0]!.replace(/(小时|h|H)$/, ''));
    const last = args.length > 2 ? parseTypedDate(args[args.length - 1]!, today, 'past') : undefined;
    const activity = args.slice(1, last ? -1 : undefined).join(' ');
    if (!Number.isFinite(hours) || activity === '') throw new UserFacingError(t.service.volunteer.usage);
    if (!(hours > 0 && hours <= 24)) throw new UserFacingError(t.service.volunteer.badHours);
    const { record } = await services.domain.volunteer.record(actor, { hours, activity, serviceDate: last ?? today, idempotencyKey: input.key });
    const records = await services.domain.volunteer.listMine(actor, Number(record.serviceDate.slice(0, 4)));
    return { reply: volunteerSavedCard({ year, records, saved: record }) };
  },
};
