import { inParallel } from '../concurrency.ts';
import type { PurchaseStore } from '../purchases/purchase-store.ts';
import { addMonths, helsinkiMonth } from '../time/helsinki.ts';
import { lastClosedMonth } from '../time/month-close.ts';
import type { MemberStore } from './member-store.ts';

const IN_FLIGHT = 16;

/**
 * Once after an upgrade that derives something new from profiles (the name search indexes, the work
 * queues that mirror a member's state) or from purchase months (the month's buyers, which the
 * benefit statements read) or from a channel's footing (every member in the post audience): every
 * profile brought up to date, as its next save would, and the months still to be stated put on their
 * buyers. Run again, it writes nothing; a dry run writes nothing and counts what the run would do.
 */
export async function reindexMembers(
  deps: { members: MemberStore; purchases: Pick<PurchaseStore, 'joinBuyers'> },
  { dryRun = false, now = new Date() } = {},
) {
  // The month that closed last (its statements may not be written yet) up to this one.
  const months = [lastClosedMonth(now)];
  while (months.at(-1)! < helsinkiMonth(now)) months.push(addMonths(months.at(-1)!, 1));
  let members = 0;
  let updated = 0;
  let monthsJoined = 0;
  for await (const page of deps.members.everyMember()) {
    const changed = await inParallel(page, IN_FLIGHT, async (member) => {
      const joined = await Promise.all(
        months.map((month) => deps.purchases.joinBuyers(member.customerNumber, month, dryRun)),
      );
      monthsJoined += joined.filter(Boolean).length;
      return deps.members.reindex(member, dryRun);
    });
    members += page.length;
    updated += changed.filter(Boolean).length;
  }
  return { dryRun, members, updated, monthsJoined };
}
