import * as z from 'zod/mini';
import { saveAnswer } from '../consents/consents.ts';
import { PURPOSES } from '../consents/purposes.ts';
import { systemAuditEntry } from '../members/audit.ts';
import { decidedOnFreshRead } from '../members/change-member.ts';
import type { MemberStore } from '../members/member-store.ts';
import { normalisePhone } from '../members/phone.ts';
import { STOP_KEYWORDS } from './message.ts';

/**
 * A reply to the register's number, as End User Messaging SMS publishes it to the two-way channel's
 * SNS topic: what the register reads of it.
 */
export const InboundText = z.object({
  originationNumber: z.string(),
  messageBody: z.string(),
  inboundMessageId: z.string(),
});
export type InboundTextInput = z.output<typeof InboundText>;

export type TextReplyOutcome = 'consent-withdrawn' | 'unchanged' | 'ignored';

const SOURCE = 'sms';

/**
 * The words End User Messaging opts a number out on by default, besides the register's own: a reply
 * starting with any of them has put the number on the opt-out list, so the consent goes with it.
 */
const SERVICE_OPT_OUT_WORDS = [
  'ARRET',
  'CANCEL',
  'END',
  'OPT-OUT',
  'OPTOUT',
  'QUIT',
  'REMOVE',
  'STOPALL',
  'TD',
  'UNSUBSCRIBE',
];
const OPT_OUT_WORDS = new Set<string>([...STOP_KEYWORDS, ...SERVICE_OPT_OUT_WORDS]);

/** Whether the reply asks to stop: its first word, in any case and without punctuation, is an opt-out word. */
const asksToStop = (body: string) =>
  OPT_OUT_WORDS.has(
    body
      .trim()
      .split(/\s+/)[0]!
      .replace(/[^\p{L}-]/gu, '')
      .toUpperCase(),
  );

/**
 * A STOP reply withdraws the text-message consent of the member whose mobile it came from, with its
 * history and an audit entry (End User Messaging has already put the number on its opt-out list,
 * so no later message reaches it whatever the register does). Any other reply changes nothing and
 * is not kept: nobody reads the register's number. Applied again, it changes nothing more.
 */
export async function applyTextReply(
  reply: InboundTextInput,
  deps: { members: MemberStore },
  now = new Date(),
): Promise<TextReplyOutcome> {
  if (!asksToStop(reply.messageBody)) return 'ignored';
  const mobile = normalisePhone(reply.originationNumber);
  const customerNumber = mobile && (await deps.members.find({ mobile }));
  if (!customerNumber) return 'unchanged';
  return decidedOnFreshRead(async () => {
    const before = await deps.members.get(customerNumber);
    if (!before) return 'unchanged';
    const after = await saveAnswer(
      deps.members,
      before,
      'marketing.sms',
      { granted: false, source: 'text-reply', channel: 'self-service', noticeVersion: PURPOSES.version },
      {
        actor: SOURCE,
        audit: (at) =>
          systemAuditEntry({
            customerNumber,
            at,
            actor: SOURCE,
            action: 'text-reply',
            via: `${SOURCE}:${reply.inboundMessageId}`,
            purpose: 'marketing',
            fields: ['marketing.sms'],
          }),
      },
      now,
    );
    return after === before ? 'unchanged' : 'consent-withdrawn';
  });
}
