import { useState, type FormEvent } from 'react';
import { Section } from '../../../components/section.tsx';
import { PersonalFieldInput } from '../../../components/personal-field.tsx';
import { SelectField } from '../../../components/select-field.tsx';
import { BIRTH_DATE_REASONS } from '../../../lib/generated/code-lists.ts';
import { fieldErrors } from '../../../lib/api/problem.ts';
import { may } from '../../../lib/auth/authorization.ts';
import { useSession } from '../../../lib/auth/auth-provider.tsx';
import { formatInstant } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { useCorrectMember } from '../api/use-correct-member.ts';
import type { Member } from '../api/use-member.ts';
import { draftOf, EDITABLE, reapplied, REQUIRED, type Draft, type Editable } from '../draft.ts';
import { Conflict } from './conflict.tsx';

type Editing =
  | { state: 'viewing'; saved?: boolean }
  | { state: 'editing'; base: Member; draft: Draft; errors: Record<string, string> }
  | { state: 'conflict'; base: Member; draft: Draft; latest: Member };

/** The personal data with where each field came from; `Edit` corrects it, never over someone else's save. */
export function PersonalData({ member }: { member: Member }) {
  const { t, language } = useI18n();
  const { roles, role } = useSession();
  // A member's own date of birth is corrected by customer service, who check it.
  const editable = role === 'member' ? EDITABLE.filter((field) => field !== 'birthDate') : EDITABLE;
  const [editing, setEditing] = useState<Editing>({ state: 'viewing' });
  const save = useCorrectMember({
    onSaved: () => setEditing({ state: 'viewing', saved: true }),
    onConflict: ({ base, draft }, latest) => setEditing({ state: 'conflict', base, draft, latest }),
    onRefused: ({ base, draft }, error) =>
      setEditing({ state: 'editing', base, draft, errors: fieldErrors(error) }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (editing.state !== 'editing') return;
    save.mutate({ base: editing.base, draft: editing.draft });
  }

  const sourceNote = (field: Editable) => {
    const source = member.sources?.[field];
    if (!source) return null;
    const populationRegister = source.source === 'population-register';
    return (
      <span className={populationRegister ? 'source source-register' : 'source'}>
        {t('sourceOf')} {t(`source_${source.source}` as MessageKey)}, {formatInstant(source.at, language)}
      </span>
    );
  };

  // A chosen field shows its code's name; the others as they are.
  const shown = (field: Editable) => {
    const value = member[field];
    if (value === undefined || value === '') return '—';
    return field === 'gender' || field === 'language' ? t(`${field}_${value}` as MessageKey) : value;
  };

  return (
    <Section id="personal" title={t('personalData')}>
      {editing.state === 'viewing' && (
        <>
          <dl className="fields">
            {EDITABLE.map((field) => (
              <div key={field}>
                <dt>{t(field)}</dt>
                <dd>
                  {shown(field)} {sourceNote(field)}
                </dd>
              </div>
            ))}
          </dl>
          {editing.saved && <p role="status">{t('saved')}</p>}
          {may(roles, 'correctMember') && (
            <button
              type="button"
              onClick={() =>
                setEditing({ state: 'editing', base: member, draft: draftOf(member), errors: {} })
              }
            >
              {t('edit')}
            </button>
          )}
        </>
      )}
      {editing.state === 'editing' && (
        <form onSubmit={submit} noValidate>
          {Object.keys(editing.errors).length > 0 && (
            <p role="alert" className="error">
              {t('fixErrors')}
            </p>
          )}
          <div className="form-grid">
            {editable.map((field) => (
              <PersonalFieldInput
                key={field}
                id={`edit-${field}`}
                field={field}
                value={editing.draft[field]}
                required={REQUIRED.has(field)}
                error={editing.errors[field]}
                onChange={(value) => setEditing({ ...editing, draft: { ...editing.draft, [field]: value } })}
              />
            ))}
            {editing.draft.birthDate !== editing.base.birthDate && (
              <SelectField
                id="edit-birthDateReason"
                label={t('birthDateReason')}
                value={editing.draft.birthDateReason as (typeof BIRTH_DATE_REASONS)[number] | ''}
                codes={BIRTH_DATE_REASONS}
                nameOf={(code) => t(`birthDateReason_${code}` as MessageKey)}
                empty={t('choose')}
                error={editing.errors.birthDateReason}
                onChange={(value) =>
                  setEditing({ ...editing, draft: { ...editing.draft, birthDateReason: value } })
                }
              />
            )}
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={save.isPending}>
              {t('save')}
            </button>
            <button type="button" onClick={() => setEditing({ state: 'viewing' })}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {editing.state === 'conflict' && (
        <Conflict
          {...editing}
          onReapply={() => save.mutate({ base: editing.latest, draft: reapplied(editing) })}
          onDiscard={() => setEditing({ state: 'viewing' })}
        />
      )}
    </Section>
  );
}
