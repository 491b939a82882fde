import { useState } from 'react';
import { Section } from '../../../components/section.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { fieldErrors } from '../../../lib/api/problem.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { useEditContent } from '../api/use-campaign.ts';
import type { Campaign, Content } from '../criteria.ts';

const LANGUAGES = ['fi', 'sv', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
type ContentForm = Record<Language, { subject: string; body: string }>;

const formOf = (content: Campaign['content']): ContentForm =>
  Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      { subject: content?.[language]?.subject ?? '', body: content?.[language]?.body ?? '' },
    ]),
  ) as ContentForm;

/** Finnish always (every member without their own language gets it); Swedish and English when written. */
const contentOf = (form: ContentForm): Content => ({
  fi: form.fi,
  ...Object.fromEntries(
    (['sv', 'en'] as const)
      .filter((language) => form[language].subject.trim() || form[language].body.trim())
      .map((language) => [language, form[language]]),
  ),
});

/** What the campaign's message says in each language; `{{firstName}}` is each member's first name. */
export function ContentEditor({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => formOf(campaign.content));
  const save = useEditContent(campaign.campaignId);
  const errors = fieldErrors(save.error);
  const set = (language: Language, part: 'subject' | 'body') => (value: string) =>
    setForm({ ...form, [language]: { ...form[language], [part]: value } });
  return (
    <Section id="content" title={t('content')}>
      <p>{t('contentHelp')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(contentOf(form));
        }}
        noValidate
      >
        {LANGUAGES.map((language) => {
          const name = t(`language_${language}` as MessageKey);
          return (
            <fieldset key={language} className="form-grid">
              <legend>{name}</legend>
              <TextField
                id={`content-${language}-subject`}
                label={`${t('subject')}, ${name}`}
                value={form[language].subject}
                error={errors[`content.${language}.subject`]}
                onChange={set(language, 'subject')}
              />
              <TextField
                id={`content-${language}-body`}
                label={`${t('messageBody')}, ${name}`}
                value={form[language].body}
                error={errors[`content.${language}.body`]}
                onChange={set(language, 'body')}
                multiline
              />
            </fieldset>
          );
        })}
        <button type="submit" disabled={save.isPending}>
          {t('saveContent')}
        </button>
        {save.isSuccess && <span role="status"> {t('saved')}</span>}
      </form>
    </Section>
  );
}
