import type { Caller } from '../auth/caller.ts';
import { isStaff, reachableMember } from '../members/access.ts';
import { auditEntry } from '../members/audit.ts';
import type { Member } from '../members/member.ts';
import { entryChannel, type EntryChannel, type StaffEntryChannel } from '../members/entry-channel.ts';
import type { AuditEntry } from '../members/audit-entry.ts';
import { decidedOnFreshRead, saveChange } from '../members/change-member.ts';
import type { CampaignContacts } from '../campaigns/campaign-store.ts';
import type { MemberStore } from '../members/member-store.ts';
import { PURPOSES, type Consent, type ConsentEvent, type Purpose, type RecordedSource } from './purposes.ts';

const listOf = (member: Member) => ({
  version: PURPOSES.version,
  consents: Object.values(member.consents ?? {}) as Consent[],
});

/** The member's marketing data: consents and bans as they stand, and the campaigns that reached them. */
export async function readConsents(
  caller: Caller,
  customerNumber: string,
  store: MemberStore,
  campaigns: CampaignContacts,
) {
  const member = await reachableMember(caller, customerNumber, store);
  if (isStaff(caller))
    await store.audit(
      auditEntry(caller, customerNumber, 'read', new Date().toISOString(), ['consents', 'contacts']),
    );
  return { ...listOf(member), contacts: await campaigns.contactsOf(customerNumber) };
}

/** Every change ever made, oldest first: the proof of what the member agreed to, when and how. */
export async function readConsentHistory(caller: Caller, customerNumber: string, store: MemberStore) {
  await reachableMember(caller, customerNumber, store);
  if (isStaff(caller)) {
    await store.audit(
      auditEntry(caller, customerNumber, 'read', new Date().toISOString(), ['consent-history']),
    );
  }
  return { events: await store.consentHistory(customerNumber) };
}

/**
 * Grants or withdraws a consent, or sets or lifts a ban. The current state and a history event are
 * written together with the profile; giving the same answer again changes nothing.
 */
export async function changeConsent(
  caller: Caller,
  customerNumber: string,
  purpose: Purpose,
  answer: { granted: boolean; source: RecordedSource; noticeVersion: string; channel?: StaffEntryChannel },
  store: MemberStore,
  now = new Date(),
) {
  // Changed meanwhile (another purpose, most likely): decided again on the member as it is now.
  return decidedOnFreshRead(async () => {
    const before = await reachableMember(caller, customerNumber, store);
    const after = await saveAnswer(
      store,
      before,
      purpose,
      { ...answer, channel: entryChannel(caller, answer.channel) },
      {
        actor: caller.actor,
        audit: (at) => auditEntry(caller, customerNumber, 'consent', at, [purpose]),
      },
      now,
    );
    return listOf(after);
  });
}

/**
 * Saves one answer on the member as read, with its history event and its audit entry, in the
 * profile's write: the member as saved, or as read when the answer is the one already given.
 */
export async function saveAnswer(
  store: MemberStore,
  before: Member,
  purpose: Purpose,
  answer: { granted: boolean; source: RecordedSource; noticeVersion: string; channel: EntryChannel },
  by: { actor: string; audit: (at: string) => AuditEntry },
  now = new Date(),
): Promise<Member> {
  const current = before.consents?.[purpose];
  if (current?.granted === answer.granted) return before;
  const at = now.toISOString();
  const consent: Consent = { purpose, ...answer, at, actor: by.actor };
  const event: ConsentEvent = { ...consent, previously: current?.granted ?? null };
  return saveChange(store, before, { consents: { ...before.consents, [purpose]: consent } }, at, {
    audit: by.audit(at),
    consentEvents: [event],
  });
}

/** Consents ticked on the registration form, as the member's first answers. */
export function registrationConsents(
  answers: readonly { purpose: Purpose; granted: boolean; noticeVersion: string }[],
  actor: string,
  at: string,
  channel: EntryChannel,
): { consents: Partial<Record<Purpose, Consent>>; events: ConsentEvent[] } {
  const consents: Partial<Record<Purpose, Consent>> = {};
  for (const answer of answers)
    consents[answer.purpose] = { ...answer, source: 'registration', channel, at, actor };
  const events = Object.values(consents).map((consent) => ({ ...consent, previously: null }));
  return { consents, events };
}
