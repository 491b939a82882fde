import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations } from '../lib/generated/schema.ts';
import { ok } from '../api.ts';
import { useApi } from '../App.tsx';
import { saveFile } from '../download.ts';
import { formatInstant } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { ErrorNote, fieldErrors, Section } from './parts.tsx';
import { CriteriaFields, criteriaOf, type Criteria } from './CampaignsPage.tsx';

type Campaign = operations['readCampaign']['responses'][200]['content']['application/json'];
type Counts = operations['previewAudience']['responses'][200]['content']['application/json'];

/** How often a computing campaign is read again for its progress. */
const PROGRESS_POLL_MS = 1000;

export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const { t } = useI18n();
  const api = useApi();
  const path = { params: { path: { campaignId } } };
  const campaign = useQuery({
    queryKey: ['campaign', campaignId],
    queryFn: async () => ok(await api.GET('/campaigns/{campaignId}', path)),
    // While the audience is computed elsewhere, its progress is read again until it is done.
    refetchInterval: (query) => (query.state.data?.status === 'computing' ? PROGRESS_POLL_MS : false),
  });
  if (campaign.isPending) return <p role="status">{t('loading')}</p>;
  if (campaign.isError) return <ErrorNote error={campaign.error} />;
  return <CampaignView campaign={campaign.data} />;
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  const { t, language } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const path = { params: { path: { campaignId: campaign.campaignId } } };
  const refresh = (updated: Campaign) => {
    queryClient.setQueryData(['campaign', campaign.campaignId], updated);
    void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
  };
  const preview = useMutation({
    mutationFn: async () => ok(await api.GET('/campaigns/{campaignId}/preview', path)),
  });
  const compute = useMutation({
    mutationFn: async () => ok(await api.POST('/campaigns/{campaignId}/audience', path)),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: async () => ok(await api.POST('/campaigns/{campaignId}/close', path)),
    onSuccess: refresh,
  });
  const download = useMutation({
    mutationFn: async () => {
      const csv = ok(
        await api.GET('/campaigns/{campaignId}/audience', {
          params: { ...path.params, query: { format: 'csv' } },
          parseAs: 'text',
        }),
      );
      saveFile(csv, 'text/csv;charset=utf-8', `${campaign.campaignId}.csv`);
    },
  });
  const failed = [preview, compute, close, download].find((m) => m.isError);

  return (
    <>
      <h1>{campaign.name}</h1>
      <p>
        {t(`channel_${campaign.channel}` as MessageKey)} · {t(`campaign_${campaign.status}` as MessageKey)} ·{' '}
        {t('created')} {formatInstant(campaign.createdAt, language)}
      </p>
      {failed && <ErrorNote error={failed.error} />}
      {campaign.status === 'draft' ? (
        <EditCriteria campaign={campaign} onSaved={refresh} />
      ) : (
        <Section id="criteria" title={t('criteria')}>
          <CriteriaText criteria={campaign.criteria} />
        </Section>
      )}
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
        {preview.data && <CountsTable caption={t('previewCounts')} counts={preview.data} />}
        {campaign.status === 'computing' && campaign.progress && (
          <div>
            <label htmlFor="audience-progress">{t('computing')}</label>{' '}
            <progress
              id="audience-progress"
              max={Math.max(campaign.progress.total, 1)}
              value={Math.min(campaign.progress.considered, campaign.progress.total)}
            />{' '}
            <span role="status">
              {campaign.progress.considered} / {campaign.progress.total}
            </span>
          </div>
        )}
        {campaign.summary && (
          <>
            <CountsTable
              caption={`${t('computedAt')} ${formatInstant(campaign.summary.computedAt, language)}`}
              counts={campaign.summary}
            />
            <div className="actions">
              <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
                {t('downloadCsv')}
              </button>
              {campaign.channel === 'post' && (
                <span role="status">{campaign.exportKey ? t('postExported') : t('postNotExported')}</span>
              )}
            </div>
          </>
        )}
      </Section>
      {(campaign.status === 'draft' || campaign.status === 'computed') && (
        <button type="button" onClick={() => close.mutate()} disabled={close.isPending}>
          {t('closeCampaign')}
        </button>
      )}
    </>
  );
}

function EditCriteria({ campaign, onSaved }: { campaign: Campaign; onSaved(updated: Campaign): void }) {
  const { t } = useI18n();
  const api = useApi();
  const [criteria, setCriteria] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(campaign.criteria)
        .filter(([, value]) => typeof value !== 'object')
        .map(([field, value]) => [field, String(value)]),
    ),
  );
  const save = useMutation({
    mutationFn: async () =>
      ok(
        await api.PATCH('/campaigns/{campaignId}', {
          params: { path: { campaignId: campaign.campaignId } },
          // The form edits the simple criteria; a purchase criterion set through the API stays as it is.
          body: {
            criteria: {
              ...criteriaOf(criteria),
              ...(campaign.criteria.purchases ? { purchases: campaign.criteria.purchases } : {}),
            },
          },
        }),
      ),
    onSuccess: onSaved,
  });
  return (
    <Section id="criteria" title={t('criteria')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <CriteriaFields
          idPrefix="edit"
          value={criteria}
          errors={fieldErrors(save.error)}
          onChange={setCriteria}
        />
        <button type="submit" disabled={save.isPending}>
          {t('saveCriteria')}
        </button>
        {save.isSuccess && <span role="status"> {t('saved')}</span>}
      </form>
    </Section>
  );
}

function CriteriaText({ criteria }: { criteria: Criteria }) {
  const { t } = useI18n();
  const given = Object.entries(criteria).filter(([, value]) => typeof value !== 'object');
  if (given.length === 0) return <p>{t('noCriteria')}</p>;
  return (
    <dl>
      {given.map(([field, value]) => (
        <div key={field}>
          <dt>{t(field as MessageKey)}</dt>
          <dd>{field === 'language' ? t(`language_${String(value)}` as MessageKey) : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Reached, and left out per reason: the reasons in words. */
function CountsTable({ caption, counts }: { caption: string; counts: Counts }) {
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
    <table>
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([label, count]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
