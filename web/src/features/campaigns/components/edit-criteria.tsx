import { useState } from 'react';
import { Section } from '../../../components/section.tsx';
import { fieldErrors } from '../../../lib/api/problem.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useEditCriteria } from '../api/use-campaign.ts';
import { criteriaOf, simpleCriteria, type Campaign, type CriteriaForm } from '../criteria.ts';
import { CriteriaFields } from './criteria-fields.tsx';

/** A draft's criteria, editable. */
export function EditCriteria({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  const [criteria, setCriteria] = useState<CriteriaForm>(() =>
    Object.fromEntries(simpleCriteria(campaign.criteria)),
  );
  const save = useEditCriteria(campaign.campaignId);
  return (
    <Section id="criteria" title={t('criteria')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // The form edits the simple criteria; a purchase criterion set through the API stays as it is.
          save.mutate({
            ...criteriaOf(criteria),
            ...(campaign.criteria.purchases ? { purchases: campaign.criteria.purchases } : {}),
          });
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
