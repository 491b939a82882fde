import { Table } from '../../../components/table.tsx';
import type { AnswerOf } from '../../../lib/api/types.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';

type Counts = AnswerOf<'previewAudience'>;

/** Reached, and left out per reason: the reasons in words. */
export function CountsTable({ caption, counts }: { caption: string; counts: Counts }) {
  const { t } = useI18n();
  const rows: [string, number][] = [
    [t('reached'), counts.reached],
    [t('considered'), counts.considered],
    [t('notMatching'), counts.notMatching],
    ...Object.entries(counts.excluded).map(
      ([reason, count]) => [t(`excluded_${reason}` as MessageKey), count] as [string, number],
    ),
  ];
  return (
    <Table
      caption={caption}
      columns={[{ rowHeader: true, cell: ([label]) => label }, { cell: ([, count]) => count }]}
      rows={rows}
      rowKey={([label]) => label}
    />
  );
}
