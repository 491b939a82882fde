import { Flags } from '../../../components/flags.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import type { Member } from '../api/use-member.ts';

/** Who the page is about: the name as its heading, the customer number, birth date and flags. */
export function MemberSummary({ member }: { member: Member }) {
  const { t, language } = useI18n();
  return (
    <>
      <h1>
        {member.surname}, {member.firstNames}{' '}
        <span className="meta">
          {t('customerNumber')} {member.customerNumber}
        </span>
      </h1>
      <p className="meta">
        {t('birthDate')}: {formatDate(member.birthDate, language)}
        {member.channel && (
          <>
            {' · '}
            {t('joinedThrough')}: {t(`channel_${member.channel}`)}
            {member.formDate && `, ${t('formDate').toLowerCase()} ${formatDate(member.formDate, language)}`}
          </>
        )}{' '}
        <Flags flags={member.flags} />
      </p>
    </>
  );
}
