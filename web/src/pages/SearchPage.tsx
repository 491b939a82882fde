import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ok, type Api } from '../api.ts';
import type { operations } from '../lib/generated/schema.ts';
import { useApi } from '../App.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { ErrorNote, Flags } from './parts.tsx';

type Criteria =
  | { kind: 'customerNumber'; customerNumber: string }
  | { kind: 'exact'; query: { email: string } | { phone: string } | { cardNumber: string } }
  | { kind: 'name'; surname: string; firstName?: string; birthDate?: string; postalCode?: string };

/** 1.2.1980 or 1980-02-01 as YYYY-MM-DD. */
function asDate(token: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(token)) return token;
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(token);
  return finnish
    ? `${finnish[3]}-${finnish[2]!.padStart(2, '0')}-${finnish[1]!.padStart(2, '0')}`
    : undefined;
}

/** One search box for every way a caller identifies themself: what they typed says which it is. */
export function criteriaOf(text: string): Criteria | undefined {
  const query = text.trim();
  if (!query) return undefined;
  if (query.includes('@')) return { kind: 'exact', query: { email: query } };
  const digits = query.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(digits) && !query.startsWith('0'))
    return { kind: 'customerNumber', customerNumber: digits };
  if (/^\d{16}$/.test(digits)) return { kind: 'exact', query: { cardNumber: digits } };
  if (/^\+?[\d\s()-]{6,}$/.test(query)) return { kind: 'exact', query: { phone: query } };
  const [surname, ...rest] = query.split(/\s+/);
  const names: string[] = [];
  const criteria: Criteria = { kind: 'name', surname: surname! };
  for (const token of rest) {
    const date = asDate(token);
    if (date) criteria.birthDate = date;
    else if (/^\d{5}$/.test(token)) criteria.postalCode = token;
    else names.push(token);
  }
  if (names.length) criteria.firstName = names.join(' ');
  return criteria;
}

type Hit = operations['searchMembers']['responses'][200]['content']['application/json']['members'][number];

async function searchPage(api: Api, criteria: Criteria, cursor: string | undefined) {
  if (criteria.kind === 'exact') {
    const found = ok(await api.GET('/members', { params: { query: criteria.query } }));
    return { members: found.members as Hit[], next: undefined };
  }
  if (criteria.kind !== 'name') return { members: [], next: undefined };
  const { kind: _kind, ...query } = criteria;
  return ok(
    await api.GET('/member-search', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } }),
  );
}

export function SearchPage() {
  const { t, language } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const submitted = params.get('q') ?? '';
  const [text, setText] = useState(submitted);
  const criteria = criteriaOf(submitted);

  const results = useInfiniteQuery({
    queryKey: ['search', submitted],
    enabled: criteria !== undefined && criteria.kind !== 'customerNumber',
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => searchPage(api, criteria!, pageParam),
    getNextPageParam: (last) => last.next,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = criteriaOf(text);
    if (next?.kind === 'customerNumber') return void navigate(`/member/${next.customerNumber}`);
    setParams(text.trim() ? { q: text.trim() } : {});
  }

  const hits = results.data?.pages.flatMap((page) => page.members as Hit[]) ?? [];
  return (
    <>
      <h1>{t('navSearch')}</h1>
      <form role="search" onSubmit={submit} className="search">
        <label htmlFor="search">{t('searchMembers')}</label>
        <div className="row">
          <input
            id="search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="search-help"
            autoComplete="off"
            autoFocus
          />
          <button type="submit" className="primary">
            {t('search')}
          </button>
        </div>
        <p id="search-help" className="help">
          {t('searchHelp')}
        </p>
      </form>
      {results.isError && <ErrorNote error={results.error} />}
      {results.isFetching && !results.isFetchingNextPage && <p role="status">{t('loading')}</p>}
      {results.isSuccess && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('results')}</h2>
          {hits.length === 0 ? (
            <p role="status">{t('noResults')}</p>
          ) : (
            <ul className="results">
              {hits.map((hit) => (
                <li key={hit.customerNumber}>
                  <Link to={`/member/${hit.customerNumber}`}>
                    {hit.surname}, {hit.firstNames}
                  </Link>{' '}
                  <span className="meta">
                    {formatDate(hit.birthDate, language)}
                    {hit.postalCode ? ` · ${hit.postalCode} ${hit.postOffice ?? ''}` : ''} ·{' '}
                    {hit.customerNumber}
                  </span>{' '}
                  <Flags flags={hit.flags} />
                </li>
              ))}
            </ul>
          )}
          {results.hasNextPage && (
            <button
              type="button"
              onClick={() => void results.fetchNextPage()}
              disabled={results.isFetchingNextPage}
            >
              {t('moreResults')}
            </button>
          )}
        </section>
      )}
    </>
  );
}
