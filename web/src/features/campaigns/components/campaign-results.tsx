import { BarChart } from '../../../components/bar-chart.tsx';
import { Loaded } from '../../../components/loaded.tsx';
import { Section } from '../../../components/section.tsx';
import { Table } from '../../../components/table.tsx';
import { MAIN_GROUP_NAMES } from '../../../lib/generated/code-lists.ts';
import { formatCents, formatMonth, nameOf } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useCampaignResults } from '../api/use-campaign.ts';

/**
 * What the campaign did: per main group, what a member it was meant to reach bought more than a
 * held-out one, with the 95 % interval, as a chart and its table. Loaded with the campaign page
 * only when there is a result to show, so that the charts' library stays out of the first load.
 */
export default function CampaignResults({ campaignId }: { campaignId: string }) {
  const { t, language } = useI18n();
  const results = useCampaignResults(campaignId);
  const groupName = (group: string) =>
    nameOf(MAIN_GROUP_NAMES[group as keyof typeof MAIN_GROUP_NAMES], language) ?? group;
  return (
    <Section id="results" title={t('campaignResults')}>
      <Loaded query={results}>
        {(result) => {
          if (result.status !== 'measured') {
            const months = 'from' in result ? formatMonth(result.from, language) : '';
            return <p role="status">{t(`results_${result.status}`).replace('{month}', months)}</p>;
          }
          const title = `${t('resultsTitle')} ${formatMonth(result.from, language)}–${formatMonth(result.to ?? result.from, language)}`;
          return (
            <>
              <p>
                {t('resultsGroups')}: {result.contacted} / {result.heldOut}
              </p>
              <BarChart
                title={title}
                bars={{
                  labels: result.groups.map((g) => groupName(g.mainGroup)),
                  series: [
                    {
                      label: t('resultsDifference'),
                      values: result.groups.map((g) => g.differenceCents / 100),
                    },
                  ],
                }}
              />
              <Table
                caption={title}
                columns={[
                  { header: t('mainGroup'), rowHeader: true, cell: (g) => groupName(g.mainGroup) },
                  { header: t('resultsContacted'), cell: (g) => formatCents(g.contactedMeanCents) },
                  { header: t('resultsHeldOut'), cell: (g) => formatCents(g.heldOutMeanCents) },
                  { header: t('resultsDifference'), cell: (g) => formatCents(g.differenceCents) },
                  {
                    header: t('resultsInterval'),
                    cell: (g) => `${formatCents(g.lowCents)} … ${formatCents(g.highCents)}`,
                  },
                ]}
                rows={result.groups}
                rowKey={(g) => g.mainGroup}
              />
              <p>{t('resultsHonesty')}</p>
            </>
          );
        }}
      </Loaded>
    </Section>
  );
}
