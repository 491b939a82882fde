import { useApiPages } from '../../../lib/api/queries.ts';
import type { AnswerOf } from '../../../lib/api/types.ts';
import type { Criteria } from '../criteria.ts';
import { searchKeys } from './keys.ts';

type Hits = AnswerOf<'searchMembers'>;
export type Hit = Hits['members'][number];

/**
 * The members the box's text finds: by an exact email, phone or card number (one answer), or by name
 * a page at a time. A customer number opens the member instead, so it searches nothing.
 */
export function useMemberSearch(text: string, criteria: Criteria | undefined) {
  return useApiPages<Hits, Hit>(
    searchKeys.results(text),
    (api, cursor) => {
      if (criteria?.kind === 'exact') return api.GET('/members', { params: { query: criteria.query } });
      const { kind: _kind, ...query } = criteria as Extract<Criteria, { kind: 'name' }>;
      return api.GET('/member-search', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } });
    },
    (page) => page.members,
    { enabled: criteria?.kind === 'exact' || criteria?.kind === 'name' },
  );
}
