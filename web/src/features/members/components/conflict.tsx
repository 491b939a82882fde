import { Table } from '../../../components/table.tsx';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import type { Member } from '../api/use-member.ts';
import { changedFields, EDITABLE, type Draft } from '../draft.ts';

/** Someone saved the member while the user edited: what they changed, and the user's own changes. */
export function Conflict(props: {
  base: Member;
  draft: Draft;
  latest: Member;
  onReapply(): void;
  onDiscard(): void;
}) {
  const { t } = useI18n();
  const mine = new Set(changedFields(props.base, props.draft));
  const theirs = EDITABLE.filter((field) => (props.latest[field] ?? '') !== (props.base[field] ?? ''));
  return (
    <div role="alert" className="conflict">
      <h3>{t('conflictTitle')}</h3>
      <p>{t('conflictHelp')}</p>
      <Table
        columns={[
          { header: t('field'), rowHeader: true, cell: (field) => t(field) },
          { header: t('theirValue'), cell: (field) => props.latest[field] ?? '—' },
          { header: t('yourValue'), cell: (field) => (mine.has(field) ? props.draft[field] || '—' : '') },
        ]}
        rows={[...new Set([...theirs, ...mine])]}
        rowKey={(field) => field}
      />
      <div className="actions">
        <button type="button" className="primary" onClick={props.onReapply}>
          {t('reapply')}
        </button>
        <button type="button" onClick={props.onDiscard}>
          {t('discard')}
        </button>
      </div>
    </div>
  );
}
