import { Link } from 'react-router';
import { ErrorNote } from '../../../components/error-note.tsx';
import { MoreResults } from '../../../components/more-results.tsx';
import { Section } from '../../../components/section.tsx';
import { Table } from '../../../components/table.tsx';
import { formatInstant } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { useCampaigns } from '../api/use-campaigns.ts';
import { MarketingFooting } from './marketing-footing.tsx';
import { NewCampaignForm } from './new-campaign-form.tsx';

/** Marketing's campaigns, newest first, and a new one. */
export function CampaignsPage() {
  const { t, language } = useI18n();
  const campaigns = useCampaigns();
  return (
    <>
      <h1>{t('campaigns')}</h1>
      <NewCampaignForm />
      <Section id="campaign-list" title={t('campaignList')}>
        {campaigns.isError && <ErrorNote error={campaigns.error} />}
        {campaigns.isSuccess && (
          <Table
            columns={[
              {
                header: t('campaignName'),
                cell: (campaign) => <Link to={`/marketing/${campaign.campaignId}`}>{campaign.name}</Link>,
              },
              { header: t('channel'), cell: (campaign) => t(`channel_${campaign.channel}` as MessageKey) },
              { header: t('status'), cell: (campaign) => t(`campaign_${campaign.status}` as MessageKey) },
              { header: t('created'), cell: (campaign) => formatInstant(campaign.createdAt, language) },
              { header: t('reached'), cell: (campaign) => campaign.summary?.reached ?? '—' },
            ]}
            rows={campaigns.data}
            rowKey={(campaign) => campaign.campaignId}
            empty={t('noCampaigns')}
          />
        )}
        <MoreResults pages={campaigns} />
      </Section>
      <MarketingFooting />
    </>
  );
}
