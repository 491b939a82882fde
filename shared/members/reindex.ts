import { inParallel } from '../concurrency.ts';
import type { MemberStore } from './member-store.ts';

const IN_FLIGHT = 16;

/**
 * Once after an upgrade that derives something new from profiles (the name search indexes, the work
 * queues that mirror a member's state): every profile brought up to date, as its next save would.
 * Run again, it writes nothing.
 */
export async function reindexMembers(deps: { members: MemberStore }) {
  let members = 0;
  let updated = 0;
  for await (const page of deps.members.everyMember()) {
    const changed = await inParallel(page, IN_FLIGHT, (member) => deps.members.reindex(member));
    members += page.length;
    updated += changed.filter(Boolean).length;
  }
  return { members, updated };
}
