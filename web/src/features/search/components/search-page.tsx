import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Flags } from '../../../components/flags.tsx';
import { MoreResults } from '../../../components/more-results.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useMemberSearch } from '../api/use-member-search.ts';
import { criteriaOf } from '../criteria.ts';

export function SearchPage() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const submitted = params.get('q') ?? '';
  const [text, setText] = useState(submitted);
  const results = useMemberSearch(submitted, criteriaOf(submitted));

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = criteriaOf(text);
    if (next?.kind === 'customerNumber') return void navigate(`/member/${next.customerNumber}`);
    setParams(text.trim() ? { q: text.trim() } : {});
  }

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
          {results.data.length === 0 ? (
            <p role="status">{t('noResults')}</p>
          ) : (
            <ul className="results">
              {results.data.map((hit) => (
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
          <MoreResults pages={results} />
        </section>
      )}
    </>
  );
}
