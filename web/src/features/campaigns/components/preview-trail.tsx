import { Section } from '../../../components/section.tsx';
import { Table } from '../../../components/table.tsx';
import { formatInstant } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import type { Campaign } from '../criteria.ts';
import { CriteriaText } from './criteria-text.tsx';

/** Every preview of the campaign's audience: when, with which criteria, what it answered; who asked, to the admin. */
export function PreviewTrail({ previews }: { previews: Campaign['previews'] }) {
  const { t, language } = useI18n();
  const byWhom = previews.some((preview) => preview.actor !== undefined);
  return (
    <Section id="previews" title={t('previewTrail')}>
      <Table
        caption={t('previewTrailCaption')}
        empty={t('noPreviews')}
        columns={[
          { header: t('when'), rowHeader: true, cell: (p) => formatInstant(p.at, language) },
          byWhom && { header: t('previewedBy'), cell: (p) => p.actor },
          { header: t('criteria'), cell: (p) => <CriteriaText criteria={p.criteria} /> },
          { header: t('reached'), cell: (p) => p.reached },
          { header: t('purchaseTotalsRead'), cell: (p) => p.purchaseTotalsRead },
        ]}
        rows={previews}
        rowKey={(p) => `${p.at}#${p.requestId}`}
      />
    </Section>
  );
}
