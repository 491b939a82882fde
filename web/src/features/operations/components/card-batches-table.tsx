import { ErrorNote } from '../../../components/error-note.tsx';
import { Table } from '../../../components/table.tsx';
import { formatInstant } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useCardBatches } from '../api/use-operations.ts';

/** The card batches sent to the manufacturer, and what became of them. */
export function CardBatchesTable() {
  const { t, language } = useI18n();
  const batches = useCardBatches();
  if (batches.isError) return <ErrorNote error={batches.error} />;
  return (
    <Table
      columns={[
        { header: t('batch'), rowHeader: true, cell: (batch) => batch.batchId },
        { header: t('cardStatus'), cell: (batch) => batch.status },
        { header: t('records'), className: 'number', cell: (batch) => batch.records ?? '—' },
        { header: t('when'), cell: (batch) => formatInstant(batch.deliveredAt ?? batch.createdAt, language) },
      ]}
      rows={batches.data?.batches ?? []}
      rowKey={(batch) => batch.batchId}
      empty={batches.data && t('noCardBatches')}
    />
  );
}
