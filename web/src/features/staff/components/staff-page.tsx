import { useState } from 'react';
import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { Table } from '../../../components/table.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { fieldErrors } from '../../../lib/api/problem.ts';
import { formatInstant } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import {
  useAccessReview,
  useChangeStaff,
  useDownloadReview,
  useInviteStaff,
  useStaffAccounts,
  type StaffAccount,
  type StaffGroup,
} from '../api/use-staff.ts';

const GROUPS: StaffGroup[] = ['admin', 'customer-service', 'processor', 'marketing'];

/** The staff groups as checkboxes, named for the screen reader by the fieldset's legend. */
function GroupChoice(props: {
  id: string;
  legend: string;
  chosen: StaffGroup[];
  onChange(groups: StaffGroup[]): void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {GROUPS.map((group) => (
        <label key={group}>
          <input
            type="checkbox"
            checked={props.chosen.includes(group)}
            onChange={(e) =>
              props.onChange(
                e.target.checked ? [...props.chosen, group] : props.chosen.filter((g) => g !== group),
              )
            }
          />{' '}
          {t(`group_${group}` as MessageKey)}
        </label>
      ))}
      {props.error && (
        <span id={`${props.id}-error`} className="field-error">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}

function InviteForm() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [groups, setGroups] = useState<StaffGroup[]>([]);
  const invite = useInviteStaff(() => (setEmail(''), setGroups([])));
  const errors = fieldErrors(invite.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        invite.mutate({ email, groups });
      }}
      noValidate
    >
      <TextField
        id="invite-email"
        label={t('email')}
        type="email"
        value={email}
        onChange={setEmail}
        error={errors.email}
      />
      <GroupChoice
        id="invite-groups"
        legend={t('staffGroups')}
        chosen={groups}
        onChange={setGroups}
        error={errors.groups}
      />
      {invite.isError && Object.keys(errors).length === 0 && <ErrorNote error={invite.error} />}
      {invite.isSuccess && <p role="status">{t('invited')}</p>}
      <button type="submit" className="primary" disabled={invite.isPending}>
        {t('invite')}
      </button>
    </form>
  );
}

/** One account's groups to change, and its switch on or off. */
function AccountActions({ account }: { account: StaffAccount }) {
  const { t } = useI18n();
  const change = useChangeStaff(account.username);
  const [groups, setGroups] = useState<StaffGroup[]>(account.groups);
  const [editing, setEditing] = useState(false);
  return (
    <>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ groups }, { onSuccess: () => setEditing(false) });
          }}
        >
          <GroupChoice
            id={`groups-${account.username}`}
            legend={`${t('staffGroups')}: ${account.email}`}
            chosen={groups}
            onChange={setGroups}
            error={fieldErrors(change.error).groups}
          />
          <button type="submit">{t('save')}</button>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => setEditing(true)}
          aria-label={`${t('changeGroups')}: ${account.email}`}
        >
          {t('changeGroups')}
        </button>
      )}
      <button
        type="button"
        onClick={() => change.mutate({ enabled: !account.enabled })}
        aria-label={`${account.enabled ? t('disable') : t('enable')}: ${account.email}`}
        disabled={change.isPending}
      >
        {account.enabled ? t('disable') : t('enable')}
      </button>
      {change.isError && <ErrorNote error={change.error} />}
    </>
  );
}

/** The admin's staff accounts: invite, change groups, disable and enable, and the access review. */
export function StaffPage() {
  const { t, language } = useI18n();
  const accounts = useStaffAccounts();
  const review = useAccessReview();
  const download = useDownloadReview();
  const groupsText = (groups: readonly StaffGroup[]) =>
    groups.map((g) => t(`group_${g}` as MessageKey)).join(', ');
  return (
    <>
      <h1>{t('staffAccounts')}</h1>
      <Section id="invite" title={t('inviteTitle')}>
        <InviteForm />
      </Section>
      <Section id="accounts" title={t('staffAccounts')}>
        {accounts.isError && <ErrorNote error={accounts.error} />}
        {accounts.data && (
          <Table
            caption={t('staffAccounts')}
            columns={[
              { header: t('email'), rowHeader: true, cell: (a) => a.email },
              { header: t('staffGroups'), cell: (a) => groupsText(a.groups) },
              { header: t('accountStatus'), cell: (a) => (a.enabled ? t('enabled') : t('disabled')) },
              {
                header: t('action'),
                className: 'actions',
                cell: (a) => <AccountActions key={a.groups.join()} account={a} />,
              },
            ]}
            rows={accounts.data.accounts}
            rowKey={(a) => a.username}
            empty={t('queueEmpty')}
          />
        )}
      </Section>
      <Section id="review" title={t('accessReview')}>
        <p className="help">{t('accessReviewHelp')}</p>
        {review.isError && <ErrorNote error={review.error} />}
        {review.data && (
          <Table
            caption={`${t('accessReview')} ${formatInstant(review.data.reviewedAt, language)}`}
            columns={[
              { header: t('email'), rowHeader: true, cell: (r) => r.email },
              { header: t('staffGroups'), cell: (r) => groupsText(r.groups) },
              { header: t('accountStatus'), cell: (r) => (r.enabled ? t('enabled') : t('disabled')) },
              {
                header: t('lastSignIn'),
                cell: (r) => (r.lastSignInAt ? formatInstant(r.lastSignInAt, language) : '—'),
              },
              {
                header: t('grantedBy'),
                cell: (r) =>
                  r.grantedBy
                    .map(
                      (g) =>
                        `${t(`group_${g.group}` as MessageKey)}: ${g.actor}, ${formatInstant(g.at, language)}`,
                    )
                    .join('; '),
              },
            ]}
            rows={review.data.accounts}
            rowKey={(r) => r.email}
          />
        )}
        <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
          {t('downloadReview')}
        </button>
        {download.isError && <ErrorNote error={download.error} />}
      </Section>
    </>
  );
}
