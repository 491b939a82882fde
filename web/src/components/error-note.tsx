import { ApiProblem } from '../lib/api/problem.ts';
import { useI18n } from '../lib/i18n/i18n-provider.tsx';

/** A failed call, in words: the API's problem title (never a stack or raw body). */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  const text = error instanceof ApiProblem ? (error.problem.detail ?? error.problem.title) : t('failed');
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}
