import { useState } from 'react';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { fieldErrors } from '../../../lib/api/problem.ts';
import { may } from '../../../lib/auth/authorization.ts';
import { useSession } from '../../../lib/auth/auth-provider.tsx';
import { CARD_TYPES } from '../../../lib/generated/code-lists.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { useChangeCard, type CardHolder, type CardType } from '../api/use-change-card.ts';

/** The member's card, and choosing, replacing or reporting it lost. */
export function CardPanel({ member, onChanged }: { member: CardHolder; onChanged(): Promise<unknown> }) {
  const { t } = useI18n();
  const { roles } = useSession();
  const [type, setType] = useState<CardType>(member.card.type);
  const [nameOnCard, setNameOnCard] = useState(member.card.agreedNameOnCard ?? '');
  const change = useChangeCard(member, onChanged);
  const returned = member.card.status === 'RETURNED' || member.card.status === 'REJECTED';
  return (
    <Section id="card" title={t('card')}>
      <dl className="fields">
        <div>
          <dt>{t('cardType')}</dt>
          <dd>{t(`card_${member.card.type}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('cardStatus')}</dt>
          <dd>{t(`status_${member.card.status}` as MessageKey)}</dd>
        </div>
        {member.card.agreedNameOnCard && (
          <div>
            <dt>{t('nameOnCard')}</dt>
            <dd>{member.card.agreedNameOnCard}</dd>
          </div>
        )}
        {member.card.cardNumber && (
          <div>
            <dt>{t('cardNumber')}</dt>
            <dd>{member.card.cardNumber}</dd>
          </div>
        )}
      </dl>
      {change.isError && <ErrorNote error={change.error} />}
      {may(roles, 'chooseCard') && (
        <div className="actions">
          <label htmlFor="card-type">{t('cardType')}</label>
          <select id="card-type" value={type} onChange={(e) => setType(e.target.value as CardType)}>
            {CARD_TYPES.map((code) => (
              <option key={code} value={code}>
                {t(`card_${code}` as MessageKey)}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => change.mutate({ action: 'choose', type })}
            disabled={change.isPending}
          >
            {t('chooseCard')}
          </button>
          {member.card.type !== 'NONE' && (
            <>
              <button
                type="button"
                onClick={() => change.mutate({ action: 'replace' })}
                disabled={change.isPending}
              >
                {returned ? t('resendCard') : t('orderReplacement')}
              </button>
              <button
                type="button"
                onClick={() => change.mutate({ action: 'lost' })}
                disabled={change.isPending}
              >
                {t('reportLost')}
              </button>
            </>
          )}
        </div>
      )}
      {may(roles, 'agreeNameOnCard') && (
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ action: 'name', nameOnCard });
          }}
        >
          <TextField
            id="name-on-card"
            label={t('nameOnCard')}
            value={nameOnCard}
            onChange={(value) => setNameOnCard(value.toLocaleUpperCase('fi'))}
            error={fieldErrors(change.error).nameOnCard}
          />
          <p className="help">{t('nameOnCardHint')}</p>
          <button type="submit" disabled={change.isPending}>
            {t('agreeNameOnCard')}
          </button>
        </form>
      )}
    </Section>
  );
}
