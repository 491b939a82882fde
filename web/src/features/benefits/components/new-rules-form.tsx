import { useState, type FormEvent } from 'react';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { fieldErrors } from '../../../lib/api/problem.ts';
import { lastMonths } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { useSetBenefitRules, type RuleSet } from '../api/use-benefit-rules.ts';
import { bodyOf, formOf, monthAfter, type RulesForm } from '../rules-form.ts';
import { GroupFields } from './group-fields.tsx';
import { TierFields } from './tier-fields.tsx';

/**
 * A new rule set, filled in from the rules in force and from next month on. What cannot be read as a
 * number is marked before sending; the API's refusals (more than 10 %, tiers out of order, a closed
 * month) are shown at the fields it names.
 */
export function NewRulesForm({ inForce }: { inForce: RuleSet | undefined }) {
  const { t } = useI18n();
  const [form, setForm] = useState<RulesForm>(() => formOf(inForce, monthAfter(lastMonths(1)[0]!)));
  const [unread, setUnread] = useState<Record<string, MessageKey>>({});
  const save = useSetBenefitRules();
  const refused = fieldErrors(save.error);
  const errors = {
    ...refused,
    ...Object.fromEntries(Object.entries(unread).map(([field, key]) => [field, t(key)])),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = bodyOf(form);
    setUnread('errors' in read ? read.errors : {});
    if ('errors' in read) return save.reset();
    save.mutate(read.body);
  }

  return (
    <Section id="new-rules" title={t('newRules')}>
      <form className="rules-form" onSubmit={submit} noValidate>
        <p className="help">{t('newRulesHelp')}</p>
        {save.isError && Object.keys(refused).length === 0 && <ErrorNote error={save.error} />}
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="error">
            {t('fixErrors')}
          </p>
        )}
        <div className="form-grid">
          <TextField
            id="rules-effective-from"
            label={t('effectiveFrom')}
            type="month"
            value={form.effectiveFrom}
            required
            error={errors.effectiveFrom}
            onChange={(effectiveFrom) => setForm({ ...form, effectiveFrom })}
          />
        </div>
        <TierFields tiers={form.tiers} errors={errors} onChange={(tiers) => setForm({ ...form, tiers })} />
        <GroupFields
          groups={form.groups}
          errors={errors}
          onChange={(groups) => setForm({ ...form, groups })}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {t('saveRules')}
          </button>
          {save.isSuccess && <span role="status">{t('saved')}</span>}
        </div>
      </form>
    </Section>
  );
}
