import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { operations } from '../lib/generated/schema.ts';
import { ok } from '../api.ts';
import { useApi } from '../App.tsx';
import { formatInstant } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { ErrorNote, fieldErrors, Section, SelectField, TextField } from './parts.tsx';

type NewCampaign = operations['createCampaign']['requestBody']['content']['application/json'];
export type Criteria = NonNullable<NewCampaign['criteria']>;
export const CHANNELS = ['email', 'sms', 'post'] as const;
const LANGUAGES = ['fi', 'sv', 'en'] as const;

/** Marketing's campaigns, newest first, and a new one. */
export function CampaignsPage() {
  const { t, language } = useI18n();
  const api = useApi();
  const list = useInfiniteQuery({
    queryKey: ['campaigns'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      ok(await api.GET('/campaigns', { params: { query: pageParam ? { cursor: pageParam } : {} } })),
    getNextPageParam: (page) => page.next,
  });
  const campaigns = list.data?.pages.flatMap((page) => page.campaigns) ?? [];
  return (
    <>
      <h1>{t('campaigns')}</h1>
      <NewCampaignForm />
      <Section id="campaign-list" title={t('campaignList')}>
        {list.isError && <ErrorNote error={list.error} />}
        {list.isSuccess && campaigns.length === 0 && <p>{t('noCampaigns')}</p>}
        {campaigns.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('campaignName')}</th>
                <th scope="col">{t('channel')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('reached')}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <tr key={campaign.campaignId}>
                  <td>
                    <Link to={`/marketing/${campaign.campaignId}`}>{campaign.name}</Link>
                  </td>
                  <td>{t(`channel_${campaign.channel}` as MessageKey)}</td>
                  <td>{t(`campaign_${campaign.status}` as MessageKey)}</td>
                  <td>{formatInstant(campaign.createdAt, language)}</td>
                  <td>{campaign.summary?.reached ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.hasNextPage && (
          <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {t('moreResults')}
          </button>
        )}
      </Section>
    </>
  );
}

/** The criteria as form fields: every one optional; an empty field sets no criterion. */
export function CriteriaFields(props: {
  idPrefix: string;
  value: Record<string, string>;
  errors: Record<string, string>;
  onChange(value: Record<string, string>): void;
}) {
  const { t } = useI18n();
  const set = (field: string) => (value: string) => props.onChange({ ...props.value, [field]: value });
  return (
    <fieldset className="form-grid">
      <legend>{t('criteria')}</legend>
      <SelectField
        id={`${props.idPrefix}-language`}
        label={t('preferredLanguage')}
        value={(props.value.language ?? '') as (typeof LANGUAGES)[number] | ''}
        codes={LANGUAGES}
        nameOf={(code) => t(`language_${code}` as MessageKey)}
        onChange={set('language')}
        empty={t('anyLanguage')}
      />
      {(['ageMin', 'ageMax', 'postalCodePrefix'] as const).map((field) => (
        <TextField
          key={field}
          id={`${props.idPrefix}-${field}`}
          label={t(field)}
          value={props.value[field] ?? ''}
          {...(props.errors[`criteria.${field}`] ? { error: props.errors[`criteria.${field}`] } : {})}
          onChange={set(field)}
        />
      ))}
    </fieldset>
  );
}

/** The form's text as the API's criteria: ages as numbers, empty fields left out. */
export function criteriaOf(value: Record<string, string>): Criteria {
  const trimmed = Object.fromEntries(
    Object.entries(value)
      .map(([field, text]) => [field, text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );
  return {
    ...(trimmed.language ? { language: trimmed.language as Criteria['language'] } : {}),
    ...(trimmed.ageMin ? { ageMin: Number(trimmed.ageMin) } : {}),
    ...(trimmed.ageMax ? { ageMax: Number(trimmed.ageMax) } : {}),
    ...(trimmed.postalCodePrefix ? { postalCodePrefix: trimmed.postalCodePrefix } : {}),
  };
}

function NewCampaignForm() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('email');
  const [criteria, setCriteria] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: async () =>
      ok(
        await api.POST('/campaigns', {
          body: { name: name.trim(), channel, criteria: criteriaOf(criteria) },
        }),
      ),
    onSuccess: (campaign) => void navigate(`/marketing/${campaign.campaignId}`),
  });
  const errors = fieldErrors(create.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <Section id="new-campaign" title={t('newCampaign')}>
      <form onSubmit={submit} noValidate>
        {create.isError && Object.keys(errors).length === 0 && <ErrorNote error={create.error} />}
        <div className="form-grid">
          <TextField
            id="campaign-name"
            label={t('campaignName')}
            value={name}
            required
            {...(errors.name ? { error: errors.name } : {})}
            onChange={setName}
          />
          <SelectField
            id="campaign-channel"
            label={t('channel')}
            value={channel}
            codes={CHANNELS}
            nameOf={(code) => t(`channel_${code}` as MessageKey)}
            onChange={setChannel}
          />
        </div>
        <CriteriaFields idPrefix="new" value={criteria} errors={errors} onChange={setCriteria} />
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('createCampaign')}
        </button>
      </form>
    </Section>
  );
}
