import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { fieldErrors } from '../../../lib/api/problem.ts';
import { CHANNELS } from '../../../lib/generated/code-lists.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { useCreateCampaign } from '../api/use-campaigns.ts';
import { criteriaOf, type CriteriaForm } from '../criteria.ts';
import { CriteriaFields } from './criteria-fields.tsx';

/** A new campaign: its name, channel and criteria; created as a draft, and opened. */
export function NewCampaignForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('email');
  const [criteria, setCriteria] = useState<CriteriaForm>({});
  const [holdout, setHoldout] = useState('');
  const create = useCreateCampaign((campaignId) => void navigate(`/marketing/${campaignId}`));
  const errors = fieldErrors(create.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      name: name.trim(),
      channel,
      criteria: criteriaOf(criteria),
      // Empty: the register's default share.
      ...(holdout.trim() ? { holdoutPercent: Number(holdout.trim()) } : {}),
    });
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
            error={errors.name}
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
          <TextField
            id="campaign-holdout"
            label={t('holdoutPercent')}
            value={holdout}
            error={errors.holdoutPercent}
            onChange={setHoldout}
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
