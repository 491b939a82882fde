import type { Caller } from '../auth/caller.ts';
import { notFound, Refusal, StoreBusy } from '../refusal.ts';
import { isStaff, reachableMember } from '../members/access.ts';
import { auditEntry } from '../members/audit.ts';
import type { ChainedAuditEntry } from '../members/audit-chain.ts';
import type { Member } from '../members/member.ts';
import { memberView } from '../members/member.ts';
import { decidedOnFreshRead, saveChange } from '../members/change-member.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { AuditAction } from '../members/audit-entry.ts';
import type { MemberPrivacyStore, StoredItem, Tombstone } from './privacy-store.ts';
import type { ErasureReason } from './schemas.ts';
import type { CampaignContacts } from '../campaigns/campaign-store.ts';
import { CHANNEL_FIELDS } from '../consents/purposes.ts';
import { LEGAL_BASES, MEMBER_ITEM_TYPES, processingPurposes, purposeInUse } from './member-data.ts';
import type { ChannelFooting } from '../consents/purposes.ts';
import { ON_ERASURE, type ItemTypeName } from './item-types.ts';

type Stores = MemberStore & MemberPrivacyStore;

/**
 * Access and portability (Art. 15, 20): everything the register holds on the member, grouped by the
 * catalogue's item types, each with its purposes, legal basis and retention. A staff export is audited
 * first, so the export shows itself.
 */
export async function exportMember(
  caller: Caller,
  customerNumber: string,
  store: Stores,
  footing: ChannelFooting,
  now = new Date(),
) {
  await reachableMember(caller, customerNumber, store);
  const purposes = processingPurposes(footing);
  if (isStaff(caller)) await store.audit(auditEntry(caller, customerNumber, 'export', now.toISOString()));
  const items = await store.memberItems(customerNumber);
  return {
    customerNumber,
    exportedAt: now.toISOString(),
    controller: 'Moymore Oy',
    parts: MEMBER_ITEM_TYPES.map((type) => ({
      type: type.type,
      title: type.title,
      purposes: type.purposes
        .filter((purpose) => purposeInUse(purpose, footing))
        .map((purpose) => ({
          purpose,
          ...purposes[purpose],
          basis: LEGAL_BASES[purposes[purpose].basis],
        })),
      retention: { fi: type.retention.fi, en: type.retention.en },
      items: items
        .filter((item) => item.type === type.type)
        .map((item) =>
          item.type === 'member' ? memberView(item.data as unknown as Member, true) : item.data,
        ),
    })),
  };
}

/**
 * "Who viewed my data": the audit trail, and the campaigns that reached the member (marketing read
 * their names and the channel's contact field, once per campaign). The member sees roles and
 * purposes; an admin also sees which user.
 */
export async function readAuditTrail(
  caller: Caller,
  customerNumber: string,
  store: MemberStore,
  campaigns: CampaignContacts,
  now = new Date(),
) {
  await reachableMember(caller, customerNumber, store);
  if (isStaff(caller)) await store.audit(auditEntry(caller, customerNumber, 'read-audit', now.toISOString()));
  const [entries, contacts] = await Promise.all([
    store.auditTrail(customerNumber),
    campaigns.contactsOf(customerNumber),
  ]);
  return {
    entries: entries.map((entry: ChainedAuditEntry) => ({
      seq: entry.seq,
      at: entry.at,
      role: entry.role,
      action: entry.action,
      purpose: entry.purpose,
      via: entry.via,
      ...(entry.fields ? { fields: entry.fields } : {}),
      ...(entry.reason ? { reason: entry.reason } : {}),
      ...(caller.role === 'admin' ? { actor: entry.actor, requestId: entry.requestId } : {}),
    })),
    // Marketing read a member for a campaign that reached them; a holdout's names were never read.
    campaignReads: contacts
      .filter((contact) => !contact.heldOut)
      .map((contact) => ({
        at: contact.at,
        campaignId: contact.campaignId,
        channel: contact.channel,
        fields: [...CHANNEL_FIELDS[contact.channel]],
      })),
  };
}

/**
 * One audited change of a member's status by the caller. `change` answers what to set, or nothing
 * when it is already so: asking twice, even at once, changes nothing, which makes the routes safe to repeat.
 */
async function changeStatus(
  caller: Caller,
  customerNumber: string,
  store: MemberStore,
  now: Date,
  audit: { action: AuditAction; field: string },
  change: (before: Member, at: string) => { set: Partial<Member>; cancelCardOrder?: string } | undefined,
): Promise<Member> {
  return decidedOnFreshRead(async () => {
    const before = await reachableMember(caller, customerNumber, store);
    const at = now.toISOString();
    const wanted = change(before, at);
    if (!wanted) return before;
    return saveChange(store, before, wanted.set, at, {
      audit: auditEntry(caller, customerNumber, audit.action, at, [audit.field]),
      ...(wanted.cancelCardOrder ? { cancelCardOrder: wanted.cancelCardOrder } : {}),
    });
  });
}

/** The member asks to be erased: recorded now, carried out by an admin or by the retention job after the delay. */
export const requestErasure = (
  caller: Caller,
  customerNumber: string,
  store: MemberStore,
  now = new Date(),
) =>
  changeStatus(
    caller,
    customerNumber,
    store,
    now,
    { action: 'erasure-request', field: 'erasureRequestedAt' },
    (before, at) => (before.erasureRequestedAt ? undefined : { set: { erasureRequestedAt: at } }),
  );

/** The membership ends: a waiting card order is cancelled, marketing stops, and the member is erased after the period. */
export const endMembership = (caller: Caller, customerNumber: string, store: MemberStore, now = new Date()) =>
  changeStatus(
    caller,
    customerNumber,
    store,
    now,
    { action: 'end-membership', field: 'membershipEndedAt' },
    (before, at) => {
      if (before.membershipEndedAt) return undefined;
      const pending = before.card.status === 'ORDERED' ? before.card.orderedAt : undefined;
      return pending
        ? { set: { membershipEndedAt: at, card: { type: 'NONE', status: 'NONE' } }, cancelCardOrder: pending }
        : { set: { membershipEndedAt: at } };
    },
  );

/** Restriction (Art. 18): marketing, card batches, the address refresh and the extract leave the member alone. */
export const setRestriction = (
  caller: Caller,
  customerNumber: string,
  restricted: boolean,
  store: MemberStore,
  now = new Date(),
) =>
  changeStatus(
    caller,
    customerNumber,
    store,
    now,
    { action: 'restrict', field: 'flags.restricted' },
    (before) =>
      before.flags.restricted === restricted
        ? undefined
        : { set: { flags: { ...before.flags, restricted } } },
  );

/** An erasure that could not begin because the member kept changing: nothing was erased. */
export const memberKeptChanging = () =>
  new Refusal(
    'member-changing',
    'The member changed while the erasure began; nothing was erased. Try again.',
  );

/**
 * Erasure (Art. 17). The profile is first marked as being erased, so that nothing racing the erasure
 * (a correction, a receipt, a card answer) can land after it; then every item about the member is
 * erased as the catalogue says and the profile becomes a tombstone that keeps the customer number from
 * ever being drawn again. Erasing an erased member answers with its tombstone; an erasure that stopped
 * midway is finished by the next one.
 */
export async function eraseMember(
  by: { actor: string; role: string },
  customerNumber: string,
  reason: ErasureReason,
  store: Stores,
  now = new Date(),
): Promise<Tombstone> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await store.erasureState(customerNumber);
    if (!found) throw notFound('member');
    if (found.state === 'erased') return found.tombstone;
    if (found.state === 'member' && !(await store.beginErasure(found.member, now.toISOString()))) continue;
    const { member } = found;
    const items = await store.memberItems(customerNumber);
    const onErasure = (item: StoredItem) => {
      // Never erase half of what we do not understand: every item type must be known first.
      if (!Object.hasOwn(ON_ERASURE, item.type))
        throw new Error(`erasure does not know item type ${item.type}`);
      return ON_ERASURE[item.type as ItemTypeName];
    };
    const plan = {
      delete: items.filter((item) => onErasure(item) === 'delete'),
      anonymise: items.filter((item) => onErasure(item) === 'anonymise'),
    };
    const tombstone: Tombstone = {
      customerNumber,
      erasedAt: now.toISOString(),
      erasedBy: by.actor,
      role: by.role,
      reason,
      ...(member.erasureRequestedAt ? { requestedAt: member.erasureRequestedAt } : {}),
      erased: countByType(items),
    };
    try {
      // The one that stands: an erasure racing this one (a resend) may have finished first.
      return await store.erase(member, plan, tombstone);
    } catch (error) {
      // A receipt's transaction on the same items: the erasure, already begun, resumes on a fresh read.
      if (error instanceof StoreBusy && attempt < 2) continue;
      throw error;
    }
  }
  throw memberKeptChanging();
}

const countByType = (items: readonly StoredItem[]) =>
  items.reduce<Record<string, number>>((counts, item) => {
    counts[item.type] = (counts[item.type] ?? 0) + 1;
    return counts;
  }, {});
