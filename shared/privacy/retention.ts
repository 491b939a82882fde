import { inParallel } from '../concurrency.ts';
import { chainFaults, type ChainFault } from '../members/audit-chain.ts';
import type { Member } from '../members/member.ts';
import type { MemberStore } from '../members/member-store.ts';
import type { MemberPrivacyStore } from './privacy-store.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { erasureDueOn } from './erasure-due.ts';
import { eraseMember } from './rights.ts';

type Stores = MemberStore & MemberPrivacyStore;
const JOB = { actor: 'retention-job', role: 'job' };

/**
 * The nightly retention job: what DynamoDB TTL cannot do. Purchase months (36 months), audit entries
 * (24), contacts (24), job records and review lines (24) carry expiresAt and leave by TTL; erasure
 * takes many items at once, so deceased members (12 months after death) and members whose own erasure
 * request has waited its days are erased here, from a sparse index of due dates.
 */
export async function runRetention(deps: { members: Stores; now?: () => Date }) {
  const now = deps.now?.() ?? new Date();
  const day = helsinkiDate(now);
  const erased = { deceased: 0, 'membership-ended': 0, 'member-request': 0 };
  for await (const page of deps.members.erasureDue(day)) {
    for (const customerNumber of page) {
      const member = await deps.members.get(customerNumber);
      if (!member) continue; // erased meanwhile (an admin was quicker)
      const due = erasureDueOn(member);
      if (!due || due > day) continue;
      const reason = reasonOf(member, day);
      await eraseMember(JOB, customerNumber, reason, deps.members, now);
      erased[reason] += 1;
    }
  }
  return { day, erased };
}

/** Which of the member's dates made the erasure due (the earliest that has passed). */
function reasonOf(member: Member, day: string): 'deceased' | 'membership-ended' | 'member-request' {
  const due = (dates: Partial<Member>) => erasureDueOn(dates) ?? '9999';
  if (member.deceasedOn && due({ deceasedOn: member.deceasedOn }) <= day) return 'deceased';
  if (member.membershipEndedAt && due({ membershipEndedAt: member.membershipEndedAt }) <= day) {
    return 'membership-ended';
  }
  return 'member-request';
}

/** Chains read at once: the check is a Query per member, so it runs in parallel to fit a Lambda's 15 minutes. */
const CHAINS_IN_FLIGHT = 16;
const CHAIN_PAGE = 200;

/** Every member's audit chain checked: an edited entry, a removed one, or a broken link is reported. */
export async function verifyAuditChains(deps: { members: Stores }) {
  let members = 0;
  let entries = 0;
  const faults: { customerNumber: string; faults: ChainFault[] }[] = [];
  const check = async (page: string[]) =>
    inParallel(page, CHAINS_IN_FLIGHT, async (customerNumber) => {
      const trail = await deps.members.auditTrail(customerNumber);
      members += 1;
      entries += trail.length;
      const found = await chainFaults(trail);
      if (found.length > 0) faults.push({ customerNumber, faults: found });
    });
  let page: string[] = [];
  for await (const customerNumber of deps.members.auditedMembers()) {
    page.push(customerNumber);
    if (page.length === CHAIN_PAGE) {
      await check(page);
      page = [];
    }
  }
  await check(page);
  faults.sort((a, b) => a.customerNumber.localeCompare(b.customerNumber));
  return { members, entries, faults };
}
