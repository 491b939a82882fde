import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Loaded } from '../../../components/loaded.tsx';
import { Section } from '../../../components/section.tsx';
import { formatInstant } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import {
  useCampaign,
  useCloseCampaign,
  useComputeAudience,
  useDownloadAudience,
  usePreviewAudience,
  useSendCampaign,
} from '../api/use-campaign.ts';
import type { Campaign } from '../criteria.ts';
import { AudienceProgress } from './audience-progress.tsx';
import { ContentEditor } from './content-editor.tsx';
import { CountsTable } from './counts-table.tsx';
import { DeliveryProgress } from './delivery-progress.tsx';
import { MessagePreviews } from './message-previews.tsx';
import { CriteriaText } from './criteria-text.tsx';
import { EditCriteria } from './edit-criteria.tsx';
import { PreviewTrail } from './preview-trail.tsx';

// The result's chart brings the charts' library: loaded only for a campaign that went out.
const CampaignResults = lazy(() => import('./campaign-results.tsx'));

export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  return <Loaded query={campaign}>{(campaign) => <CampaignView campaign={campaign} />}</Loaded>;
}

/** A campaign: its criteria (editable while a draft), its audience previewed, computed and downloaded. */
function CampaignView({ campaign }: { campaign: Campaign }) {
  const { t, language } = useI18n();
  const preview = usePreviewAudience(campaign.campaignId);
  const compute = useComputeAudience(campaign.campaignId);
  const close = useCloseCampaign(campaign.campaignId);
  const download = useDownloadAudience(campaign.campaignId);
  const send = useSendCampaign(campaign.campaignId);
  const failed = [preview, compute, close, download, send].find((m) => m.isError);
  // Email and text messages the register sends itself; post goes to the mailing house as a file.
  const sentByRegister = campaign.channel !== 'post';

  return (
    <>
      <h1>{campaign.name}</h1>
      <p>
        {t(`channel_${campaign.channel}` as MessageKey)} · {t(`campaign_${campaign.status}` as MessageKey)} ·{' '}
        {t('created')} {formatInstant(campaign.createdAt, language)}
        {campaign.footing && ` · ${t('footingBasis')}: ${t(`footing_${campaign.footing}` as MessageKey)}`}
      </p>
      {failed && <ErrorNote error={failed.error} />}
      {campaign.status === 'draft' ? (
        <EditCriteria campaign={campaign} />
      ) : (
        <Section id="criteria" title={t('criteria')}>
          <CriteriaText criteria={campaign.criteria} />
        </Section>
      )}
      {sentByRegister && ['draft', 'computed'].includes(campaign.status) && (
        <ContentEditor campaign={campaign} />
      )}
      {sentByRegister && campaign.content && <MessagePreviews campaignId={campaign.campaignId} />}
      <Section id="audience" title={t('audience')}>
        {campaign.status === 'draft' && (
          <div className="actions">
            <button type="button" onClick={() => preview.mutate()} disabled={preview.isPending}>
              {t('preview')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => compute.mutate()}
              disabled={compute.isPending}
            >
              {t('computeAudience')}
            </button>
          </div>
        )}
        {preview.data && (
          <>
            <CountsTable caption={t('previewCounts')} counts={preview.data} />
            {preview.data.tooSmall && <p role="status">{t('audienceTooSmall')}</p>}
          </>
        )}
        {campaign.status === 'computing' && campaign.progress && (
          <AudienceProgress progress={campaign.progress} />
        )}
        {campaign.status === 'too-small' && <p role="status">{t('audienceTooSmall')}</p>}
        {campaign.summary && (
          <>
            <CountsTable
              caption={`${t('computedAt')} ${formatInstant(campaign.summary.computedAt, language)}`}
              counts={campaign.summary}
            />
            {campaign.status !== 'too-small' && (
              <div className="actions">
                <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
                  {t('downloadCsv')}
                </button>
                {campaign.channel === 'post' && (
                  <span role="status">{campaign.exportKey ? t('postExported') : t('postNotExported')}</span>
                )}
                {sentByRegister && campaign.status === 'computed' && (
                  <button
                    type="button"
                    className="primary"
                    onClick={() => send.mutate()}
                    disabled={send.isPending || !campaign.content}
                  >
                    {t('sendCampaign')}
                  </button>
                )}
              </div>
            )}
          </>
        )}
        {campaign.delivery && <DeliveryProgress delivery={campaign.delivery} />}
      </Section>
      {(campaign.delivery || campaign.exportKey) && (
        <Suspense>
          <CampaignResults campaignId={campaign.campaignId} />
        </Suspense>
      )}
      <PreviewTrail previews={campaign.previews} />
      {['draft', 'computed', 'too-small'].includes(campaign.status) && (
        <button type="button" onClick={() => close.mutate()} disabled={close.isPending}>
          {t('closeCampaign')}
        </button>
      )}
    </>
  );
}
