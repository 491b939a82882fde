import * as z from 'zod/mini';
import { PURPOSES } from '../consents/purposes.ts';
import { saveAnswer } from '../consents/consents.ts';
import { systemAuditEntry } from '../members/audit.ts';
import { decidedOnFreshRead, saveChange } from '../members/change-member.ts';
import type { MemberStore } from '../members/member-store.ts';

/**
 * An SES event as EventBridge delivers it (the configuration set's event destination): what the
 * register reads of it. Its tags name the campaign and the member the sender put on the message.
 */
const Tag = z.optional(z.array(z.string()));
export const SesEvent = z.object({
  source: z.literal('aws.ses'),
  detail: z.object({
    eventType: z.string(),
    mail: z.object({
      messageId: z.string(),
      tags: z.optional(z.object({ campaign: Tag, member: Tag })),
    }),
    bounce: z.optional(
      z.object({
        bounceType: z.string(),
        bouncedRecipients: z.array(z.object({ emailAddress: z.string() })),
      }),
    ),
    complaint: z.optional(
      z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })) }),
    ),
  }),
});
export type SesEventInput = z.output<typeof SesEvent>;

export type MailEventOutcome = 'undeliverable' | 'consent-withdrawn' | 'delivered' | 'unchanged' | 'ignored';

const SOURCE = 'ses';

/**
 * What a message's fate means for its member: a hard bounce of the address the member still has marks
 * it undeliverable (customer service's queue); a complaint (marked as spam) withdraws the email
 * consent, with its history; a delivery, a soft bounce or any other event changes nothing. Applied
 * again, an event changes nothing more; a message that names no member (an account notice) is ignored.
 */
export async function applyMailEvent(
  event: SesEventInput,
  deps: { members: MemberStore },
  now = new Date(),
): Promise<MailEventOutcome> {
  const { eventType, mail, bounce } = event.detail;
  const customerNumber = mail.tags?.member?.[0];
  if (!customerNumber) return 'ignored';
  if (eventType === 'Delivery') return 'delivered';
  const hardBounce = eventType === 'Bounce' && bounce?.bounceType === 'Permanent';
  if (!hardBounce && eventType !== 'Complaint') return 'ignored';
  // A change of the member meanwhile: decided again on the member as it is now.
  return decidedOnFreshRead(() => applyTo(customerNumber, event, deps, now));
}

async function applyTo(
  customerNumber: string,
  event: SesEventInput,
  deps: { members: MemberStore },
  now: Date,
): Promise<MailEventOutcome> {
  const { mail, bounce, complaint } = event.detail;
  const hardBounce = event.detail.eventType === 'Bounce';
  const before = await deps.members.get(customerNumber);
  if (!before) return 'unchanged';
  const audit = (at: string, fields: string[]) =>
    systemAuditEntry({
      customerNumber,
      at,
      actor: SOURCE,
      action: 'mail-event',
      via: `${SOURCE}:${mail.messageId}`,
      purpose: 'marketing',
      fields,
    });
  if (hardBounce) {
    // Only the address it went to: an email corrected since is not the one that bounced.
    const bounced = bounce!.bouncedRecipients.some((r) => r.emailAddress.toLowerCase() === before.email);
    if (!bounced || before.flags.emailUndeliverable) return 'unchanged';
    const at = now.toISOString();
    await saveChange(deps.members, before, { flags: { ...before.flags, emailUndeliverable: true } }, at, {
      audit: audit(at, ['flags.emailUndeliverable']),
    });
    return 'undeliverable';
  }
  const complained = complaint?.complainedRecipients.length ?? 0;
  if (complained === 0) return 'ignored';
  const after = await saveAnswer(
    deps.members,
    before,
    'marketing.email',
    { granted: false, source: 'complaint', channel: 'self-service', noticeVersion: PURPOSES.version },
    { actor: SOURCE, audit: (at) => audit(at, ['marketing.email']) },
    now,
  );
  return after === before ? 'unchanged' : 'consent-withdrawn';
}
