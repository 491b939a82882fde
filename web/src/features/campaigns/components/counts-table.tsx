import { Table } from '../../../components/table.tsx';
import type { AnswerOf } from '../../../lib/api/types.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';

/** An audience's figures: each a multiple of five, or "< 5". */
type Figures = Omit<AnswerOf<'previewAudience'>, 'tooSmall'>;
type Figure = Figures['reached'];

/** Reached, and left out per reason: the reasons in words. */
export function CountsTable({ caption, counts }: { caption: string; counts: Figures }) {
  const { t } = useI18n();
  const rows: [string, Figure][] = [
    [t('reached'), counts.reached],
    ...(counts.heldOut === undefined ? [] : [[t('heldOut'), counts.heldOut] as [string, Figure]]),
    [t('considered'), counts.considered],
    [t('notMatching'), counts.notMatching],
    ...Object.entries(counts.excluded).map(
      ([reason, count]) => [t(`excluded_${reason}` as MessageKey), count] as [string, Figure],
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
