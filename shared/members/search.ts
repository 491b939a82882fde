import type { Caller } from '../auth/caller.ts';
import type { MemberSearchStore, NameSearchHit } from './member-store.ts';
import { recordedCaller } from './audit.ts';
import { foldName } from './name-key.ts';
import type { SearchMembersInput } from './schemas.ts';

export const SEARCH_PAGE_SIZE = 20;

export interface SearchPage {
  members: NameSearchHit[];
  /** Present when more hits may follow: give it back as `cursor`. */
  next?: string;
}

/**
 * Members by surname (or its beginning), optionally narrowed by first name, birth date or postal code.
 * A first name treats the surname as whole, so both are read from the index key. The search is audited
 * as one entry: who searched, with which criteria (their names, not their values), and whom it listed.
 */
export async function searchMembers(
  caller: Caller,
  query: SearchMembersInput,
  store: MemberSearchStore,
): Promise<SearchPage> {
  const page = await store.searchByName(
    {
      surname: foldName(query.surname),
      ...(query.firstName ? { firstName: foldName(query.firstName) } : {}),
      ...(query.birthDate ? { birthDate: query.birthDate } : {}),
      ...(query.postalCode ? { postalCode: query.postalCode } : {}),
    },
    SEARCH_PAGE_SIZE,
    query.cursor,
  );
  const criteria = Object.keys(query).filter((name) => name !== 'cursor');
  await store.logSearch({
    ...recordedCaller(caller),
    at: new Date().toISOString(),
    criteria,
    listed: page.members.map((hit) => hit.customerNumber),
  });
  return page;
}
