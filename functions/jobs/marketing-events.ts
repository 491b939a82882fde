import * as z from 'zod/mini';
import { applyMailEvent, SesEvent } from '../../shared/campaigns/mail-events.ts';
import { applyTextReply, InboundText } from '../../shared/campaigns/text-replies.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { memberStore } from '../../shared/store/default-stores.ts';

/**
 * SNS hands replies to the register's text-message number (End User Messaging's two-way channel) as
 * records whose message is the reply's JSON.
 */
const SnsReplies = z.object({
  Records: z.array(z.object({ Sns: z.object({ Message: z.string() }) })),
});
/** EventBridge hands one SES event; `npm run job -- marketing-events --file` may hand a file of them, or of SNS records. */
const Events = z.union([SesEvent, z.array(SesEvent), SnsReplies]);

/** A record's message as JSON, or nothing when it is not JSON (counted, as any other reply not read). */
function json(message: string): unknown {
  try {
    return JSON.parse(message);
  } catch {
    return undefined;
  }
}

/**
 * What the services tell of the register's messages: SES's bounces, complaints and deliveries from
 * the configuration set, and the replies to text messages (STOP).
 */
export const entry = jobEntry({
  job: 'marketing-events',
  name: 'mail events and text replies applied',
  run: async (event: unknown) => {
    const parsed = Events.safeParse(event);
    // Not an event of a shape read here: counted, and nothing changes.
    if (!parsed.success) return { notAnEvent: 1 };
    const outcomes: Record<string, number> = {};
    const count = (outcome: string) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
    if ('Records' in parsed.data) {
      for (const record of parsed.data.Records) {
        const reply = InboundText.safeParse(json(record.Sns.Message));
        count(reply.success ? await applyTextReply(reply.data, { members: memberStore() }) : 'notAReply');
      }
      return outcomes;
    }
    for (const one of [parsed.data].flat()) count(await applyMailEvent(one, { members: memberStore() }));
    return outcomes;
  },
});

export const handler = jobHandler(entry);
