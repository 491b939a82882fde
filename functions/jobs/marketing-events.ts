import * as z from 'zod/mini';
import { applyMailEvent, SesEvent, type MailEventOutcome } from '../../shared/campaigns/mail-events.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { memberStore } from '../../shared/store/default-stores.ts';

/** EventBridge hands one event; `npm run job -- marketing-events --file` may hand a file of them. */
const Events = z.union([SesEvent, z.array(SesEvent)]);

/** What SES tells of the register's messages (bounces, complaints, deliveries), from the configuration set's events. */
export const entry = jobEntry({
  job: 'marketing-events',
  name: 'mail events applied',
  run: async (event: unknown) => {
    const parsed = Events.safeParse(event);
    // Not an SES event of the shape read here: counted, and nothing changes.
    if (!parsed.success) return { notAnSesEvent: 1 };
    const outcomes: Partial<Record<MailEventOutcome, number>> = {};
    for (const one of [parsed.data].flat()) {
      const outcome = await applyMailEvent(one, { members: memberStore() });
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    return outcomes;
  },
});

export const handler = jobHandler(entry);
