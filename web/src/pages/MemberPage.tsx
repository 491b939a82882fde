import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, may, ok } from '../api.ts';
import { useApi } from '../App.tsx';
import { useSession } from '../auth.tsx';
import { formatCents, formatDate, formatInstant, formatMonth, lastMonths, nameOf } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { saveFile } from '../download.ts';
import {
  pathsMembersCustomerNumberCardPutRequestBodyContentApplicationJsonTypeValues,
  pathsMembersCustomerNumberConsentsPurposePutParametersPathPurposeValues,
  pathsMembersCustomerNumberDeleteParametersQueryReasonValues,
  type operations,
} from '../lib/generated/schema.ts';
import { ErrorNote, fieldErrors, Flags, Section, SelectField, TextField } from './parts.tsx';
import { TEXT_FIELDS } from './fields.ts';
import { MAIN_GROUP_NAMES, PURPOSE_NAMES } from '../lib/generated/code-lists.ts';

type Member = operations['readMember']['responses'][200]['content']['application/json'];

/** The fields a person corrects here, in the order of the form. */
const EDITABLE = TEXT_FIELDS;
type Editable = (typeof EDITABLE)[number];
type Draft = Record<Editable, string>;
const REQUIRED: ReadonlySet<Editable> = new Set(['surname', 'firstNames']);

const draftOf = (member: Member): Draft =>
  Object.fromEntries(EDITABLE.map((field) => [field, member[field] ?? ''])) as Draft;

/** The fields the user changed from the version they started from. */
const changedFields = (base: Member, draft: Draft) =>
  EDITABLE.filter((field) => draft[field].trim() !== (base[field] ?? ''));

export function MemberPage() {
  const { customerNumber = '' } = useParams();
  const api = useApi();
  const { t } = useI18n();
  const member = useQuery({
    queryKey: ['member', customerNumber],
    queryFn: async () =>
      ok(
        await api.GET('/members/{customerNumber}', {
          params: { path: { customerNumber }, query: { include: 'sources' } },
        }),
      ),
  });
  if (member.isPending) return <p role="status">{t('loading')}</p>;
  if (member.isError) return <ErrorNote error={member.error} />;
  return <MemberView member={member.data} />;
}

function MemberView({ member }: { member: Member }) {
  const { roles } = useSession();
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
        {t('birthDate')}: {formatDate(member.birthDate, language)} <Flags flags={member.flags} />
      </p>
      <PersonalData member={member} />
      <CardPanel member={member} />
      <ConsentsPanel customerNumber={member.customerNumber} />
      <PurchasesPanel customerNumber={member.customerNumber} />
      {may(roles, 'memberAudit') && <AuditPanel customerNumber={member.customerNumber} />}
      <PrivacyPanel member={member} />
    </>
  );
}

type Editing =
  | { state: 'viewing'; saved?: boolean }
  | { state: 'editing'; base: Member; draft: Draft; errors: Record<string, string> }
  | { state: 'conflict'; base: Member; draft: Draft; latest: Member };

function PersonalData({ member }: { member: Member }) {
  const { t, language } = useI18n();
  const { roles } = useSession();
  const api = useApi();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>({ state: 'viewing' });

  const save = useMutation({
    mutationFn: async ({ base, draft }: { base: Member; draft: Draft }) => {
      const body = Object.fromEntries(
        changedFields(base, draft).map((field) => [
          field,
          draft[field].trim() === '' && !REQUIRED.has(field) ? null : draft[field].trim(),
        ]),
      );
      const answer = await api.PATCH('/members/{customerNumber}', {
        params: {
          path: { customerNumber: base.customerNumber },
          header: { 'if-match': `"${base.version}"` },
        },
        body,
      });
      return ok(answer);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['member', saved.customerNumber], (old: Member | undefined) => ({
        ...saved,
        sources: saved.sources ?? old?.sources,
      }));
      void queryClient.invalidateQueries({ queryKey: ['member', saved.customerNumber] });
      setEditing({ state: 'viewing', saved: true });
    },
    onError: async (error, { base, draft }) => {
      if (error instanceof ApiProblem && error.problem.status === 412) {
        // Someone saved first: show what they changed, and let the user decide. Never overwrite.
        const latest = ok(
          await api.GET('/members/{customerNumber}', {
            params: { path: { customerNumber: base.customerNumber }, query: { include: 'sources' } },
          }),
        );
        queryClient.setQueryData(['member', latest.customerNumber], latest);
        setEditing({ state: 'conflict', base, draft, latest });
        return;
      }
      setEditing({ state: 'editing', base, draft, errors: fieldErrors(error) });
    },
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

  return (
    <Section id="personal" title={t('personalData')}>
      {editing.state === 'viewing' && (
        <>
          <dl className="fields">
            {EDITABLE.map((field) => (
              <div key={field}>
                <dt>{t(field)}</dt>
                <dd>
                  {member[field] ?? '—'} {sourceNote(field)}
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
            {EDITABLE.map((field) => (
              <TextField
                key={field}
                id={`edit-${field}`}
                label={t(field)}
                value={editing.draft[field]}
                required={REQUIRED.has(field)}
                type={field === 'email' ? 'email' : field === 'mobile' || field === 'phone' ? 'tel' : 'text'}
                {...(editing.errors[field] ? { error: editing.errors[field] } : {})}
                onChange={(value) => setEditing({ ...editing, draft: { ...editing.draft, [field]: value } })}
              />
            ))}
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

/** The user's own changes laid over the latest version: their fields win only where they changed them. */
function reapplied({ base, draft, latest }: { base: Member; draft: Draft; latest: Member }): Draft {
  const mine = new Set(changedFields(base, draft));
  return Object.fromEntries(
    EDITABLE.map((field) => [field, mine.has(field) ? draft[field] : (latest[field] ?? '')]),
  ) as Draft;
}

function Conflict(props: {
  base: Member;
  draft: Draft;
  latest: Member;
  onReapply(): void;
  onDiscard(): void;
}) {
  const { t } = useI18n();
  const mine = new Set(changedFields(props.base, props.draft));
  const theirs = EDITABLE.filter((field) => (props.latest[field] ?? '') !== (props.base[field] ?? ''));
  return (
    <div role="alert" className="conflict">
      <h3>{t('conflictTitle')}</h3>
      <p>{t('conflictHelp')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('field')}</th>
            <th scope="col">{t('theirValue')}</th>
            <th scope="col">{t('yourValue')}</th>
          </tr>
        </thead>
        <tbody>
          {[...new Set([...theirs, ...mine])].map((field) => (
            <tr key={field}>
              <th scope="row">{t(field)}</th>
              <td>{props.latest[field] ?? '—'}</td>
              <td>{mine.has(field) ? props.draft[field] || '—' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="primary" onClick={props.onReapply}>
          {t('reapply')}
        </button>
        <button type="button" onClick={props.onDiscard}>
          {t('discard')}
        </button>
      </div>
    </div>
  );
}

const CARD_TYPES = pathsMembersCustomerNumberCardPutRequestBodyContentApplicationJsonTypeValues;
const ERASURE_REASONS = pathsMembersCustomerNumberDeleteParametersQueryReasonValues;
const PURPOSES = pathsMembersCustomerNumberConsentsPurposePutParametersPathPurposeValues;

function CardPanel({ member }: { member: Member }) {
  const { t } = useI18n();
  const { roles } = useSession();
  const api = useApi();
  const queryClient = useQueryClient();
  const [type, setType] = useState<(typeof CARD_TYPES)[number]>(member.card.type);
  const path = { path: { customerNumber: member.customerNumber } };
  const change = useMutation({
    mutationFn: async (action: 'choose' | 'replace' | 'lost') =>
      ok(
        action === 'choose'
          ? await api.PUT('/members/{customerNumber}/card', {
              params: { ...path, header: { 'if-match': `"${member.version}"` } },
              body: { type },
            })
          : action === 'replace'
            ? await api.POST('/members/{customerNumber}/card/replacement', { params: path })
            : await api.POST('/members/{customerNumber}/card/lost', { params: path }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['member', member.customerNumber] }),
  });
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
          <select id="card-type" value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            {CARD_TYPES.map((code) => (
              <option key={code} value={code}>
                {t(`card_${code}` as MessageKey)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => change.mutate('choose')} disabled={change.isPending}>
            {t('chooseCard')}
          </button>
          {member.card.type !== 'NONE' && (
            <>
              <button type="button" onClick={() => change.mutate('replace')} disabled={change.isPending}>
                {returned ? t('resendCard') : t('orderReplacement')}
              </button>
              <button type="button" onClick={() => change.mutate('lost')} disabled={change.isPending}>
                {t('reportLost')}
              </button>
            </>
          )}
        </div>
      )}
    </Section>
  );
}

function ConsentsPanel({ customerNumber }: { customerNumber: string }) {
  const { t, language } = useI18n();
  const { roles, role } = useSession();
  const api = useApi();
  const queryClient = useQueryClient();
  const path = { path: { customerNumber } };
  const consents = useQuery({
    queryKey: ['consents', customerNumber],
    queryFn: async () => ok(await api.GET('/members/{customerNumber}/consents', { params: path })),
  });
  const history = useQuery({
    queryKey: ['consent-history', customerNumber],
    queryFn: async () => ok(await api.GET('/members/{customerNumber}/consents/history', { params: path })),
  });
  const change = useMutation({
    mutationFn: async ({ purpose, granted }: { purpose: (typeof PURPOSES)[number]; granted: boolean }) =>
      ok(
        await api.PUT('/members/{customerNumber}/consents/{purpose}', {
          params: { path: { customerNumber, purpose } },
          body: {
            granted,
            // Staff record what the member said on the phone; a member answers on the web.
            source: role === 'member' ? 'web' : 'phone',
            noticeVersion: consents.data!.version,
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['consents', customerNumber] });
      void queryClient.invalidateQueries({ queryKey: ['consent-history', customerNumber] });
    },
  });
  return (
    <Section id="consents" title={t('consents')}>
      {consents.isError && <ErrorNote error={consents.error} />}
      {change.isError && <ErrorNote error={change.error} />}
      {consents.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('purpose')}</th>
              <th scope="col">{t('granted')}</th>
              <th scope="col">{t('when')}</th>
              {may(roles, 'changeConsent') && <th scope="col">{t('action')}</th>}
            </tr>
          </thead>
          <tbody>
            {PURPOSES.map((purpose) => {
              const consent = consents.data.consents.find((c) => c.purpose === purpose);
              return (
                <tr key={purpose}>
                  <th scope="row">{nameOf(PURPOSE_NAMES[purpose], language)}</th>
                  <td>{consent ? (consent.granted ? t('granted') : t('withdrawn')) : t('notGiven')}</td>
                  <td>{consent ? formatInstant(consent.at, language) : '—'}</td>
                  {may(roles, 'changeConsent') && (
                    <td>
                      <button
                        type="button"
                        disabled={change.isPending}
                        onClick={() => change.mutate({ purpose, granted: !consent?.granted })}
                      >
                        {consent?.granted ? t('withdraw') : t('grant')}
                        <span className="visually-hidden"> {nameOf(PURPOSE_NAMES[purpose], language)}</span>
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {history.data && history.data.events.length > 0 && (
        <details>
          <summary>{t('history')}</summary>
          <ul>
            {history.data.events.map((event, i) => (
              <li key={i}>
                {formatInstant(event.at, language)}: {event.purpose}{' '}
                {event.granted ? t('granted') : t('withdrawn')} ({event.source})
              </li>
            ))}
          </ul>
        </details>
      )}
      {consents.data && consents.data.contacts.length > 0 && (
        <table>
          <caption>{t('contactsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('campaign')}</th>
              <th scope="col">{t('channel')}</th>
            </tr>
          </thead>
          <tbody>
            {consents.data.contacts.map((contact) => (
              <tr key={contact.campaignId}>
                <td>{formatInstant(contact.at, language)}</td>
                <td>{contact.campaignId}</td>
                <td>{t(`channel_${contact.channel}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function PurchasesPanel({ customerNumber }: { customerNumber: string }) {
  const { t, language } = useI18n();
  const api = useApi();
  const months = lastMonths(12);
  const purchases = useQuery({
    queryKey: ['purchases', customerNumber],
    queryFn: async () =>
      ok(
        await api.GET('/members/{customerNumber}/purchases', {
          params: { path: { customerNumber }, query: { from: months[0]!, to: months.at(-1)! } },
        }),
      ),
  });
  const totals = new Map(
    (purchases.data?.months ?? []).map((m) => [
      m.month,
      {
        cents: Object.values(m.groups).reduce((sum, cents) => sum + cents, 0),
        receipts: m.receipts,
        groups: Object.entries(m.groups) as [string, number][],
      },
    ]),
  );
  const highest = Math.max(1, ...[...totals.values()].map((v) => v.cents));
  return (
    <Section id="purchases" title={t('purchases')}>
      {purchases.isError && <ErrorNote error={purchases.error} />}
      {purchases.data && totals.size === 0 && <p>{t('noPurchases')}</p>}
      {purchases.data && totals.size > 0 && (
        <>
          <svg className="chart" viewBox="0 0 360 120" role="img" aria-label={t('purchasesChart')}>
            {months.map((month, i) => {
              const height = ((totals.get(month)?.cents ?? 0) / highest) * 100;
              return <rect key={month} x={i * 30 + 4} y={110 - height} width={22} height={height} />;
            })}
          </svg>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('month')}</th>
                <th scope="col">{t('total')}</th>
                <th scope="col">{t('receipts')}</th>
                <th scope="col">{t('byGroup')}</th>
              </tr>
            </thead>
            <tbody>
              {months
                .filter((month) => totals.has(month))
                .map((month) => (
                  <tr key={month}>
                    <th scope="row">{formatMonth(month, language)}</th>
                    <td className="number">{formatCents(totals.get(month)!.cents)}</td>
                    <td className="number">{totals.get(month)!.receipts}</td>
                    <td>
                      {totals
                        .get(month)!
                        .groups.map(
                          ([group, cents]) =>
                            `${nameOf(MAIN_GROUP_NAMES[group as keyof typeof MAIN_GROUP_NAMES], language) ?? group} ${formatCents(cents)}`,
                        )
                        .join(', ')}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

function AuditPanel({ customerNumber }: { customerNumber: string }) {
  const { t, language } = useI18n();
  const api = useApi();
  const audit = useQuery({
    queryKey: ['audit', customerNumber],
    queryFn: async () =>
      ok(await api.GET('/members/{customerNumber}/audit', { params: { path: { customerNumber } } })),
  });
  return (
    <Section id="audit" title={t('auditTrail')}>
      {audit.isError && <ErrorNote error={audit.error} />}
      {audit.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('by')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.entries.map((entry) => (
              <tr key={entry.seq}>
                <td>{formatInstant(entry.at, language)}</td>
                <td>{entry.role}</td>
                <td>
                  {entry.action}
                  {entry.fields ? ` (${entry.fields.join(', ')})` : ''}
                </td>
                <td>{entry.actor ?? entry.purpose}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {audit.data && audit.data.campaignReads.length > 0 && (
        <table>
          <caption>{t('campaignReads')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('campaign')}</th>
              <th scope="col">{t('fieldsRead')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.campaignReads.map((read) => (
              <tr key={read.campaignId}>
                <td>{formatInstant(read.at, language)}</td>
                <td>
                  {read.campaignId} ({read.channel})
                </td>
                <td>{read.fields.map((field) => t(field as MessageKey)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function PrivacyPanel({ member }: { member: Member }) {
  const { t } = useI18n();
  const { roles } = useSession();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState<(typeof ERASURE_REASONS)[number]>('member-request');
  const path = { path: { customerNumber: member.customerNumber } };
  const act = useMutation({
    mutationFn: async (action: 'export' | 'erasure-request' | 'end' | 'restrict' | 'erase') => {
      switch (action) {
        case 'export': {
          const data = ok(await api.GET('/members/{customerNumber}/export', { params: path }));
          saveFile(JSON.stringify(data, null, 2), 'application/json', `member-${member.customerNumber}.json`);
          return;
        }
        case 'erasure-request':
          ok(await api.POST('/members/{customerNumber}/erasure-request', { params: path }));
          return;
        case 'end':
          ok(await api.POST('/members/{customerNumber}/membership-end', { params: path }));
          return;
        case 'restrict':
          ok(
            await api.PUT('/members/{customerNumber}/restriction', {
              params: path,
              body: { restricted: !member.flags.restricted },
            }),
          );
          return;
        case 'erase':
          ok(
            await api.DELETE('/members/{customerNumber}', {
              params: { ...path, query: { reason } },
            }),
          );
          void navigate('/');
          return;
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['member', member.customerNumber] }),
  });
  return (
    <Section id="privacy" title={t('privacy')}>
      {act.isError && <ErrorNote error={act.error} />}
      {act.isSuccess && <p role="status">{t('done')}</p>}
      <div className="actions">
        {may(roles, 'exportMember') && (
          <button type="button" onClick={() => act.mutate('export')}>
            {t('exportData')}
          </button>
        )}
        {may(roles, 'requestErasure') && (
          <button type="button" onClick={() => act.mutate('erasure-request')}>
            {t('requestErasure')}
          </button>
        )}
        {may(roles, 'endMembership') && (
          <button type="button" onClick={() => act.mutate('end')}>
            {t('endMembership')}
          </button>
        )}
        {may(roles, 'restrictMember') && roles.includes('admin') && (
          <button type="button" onClick={() => act.mutate('restrict')}>
            {member.flags.restricted ? t('liftRestriction') : t('restrict')}
          </button>
        )}
        {may(roles, 'eraseMember') && (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('erase')}
          </button>
        )}
      </div>
      {confirming && (
        <form
          className="confirm"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed === member.customerNumber) act.mutate('erase');
          }}
        >
          <SelectField
            id="erase-reason"
            label={t('reason')}
            value={reason}
            codes={ERASURE_REASONS}
            nameOf={(code) => t(`reason_${code}` as MessageKey)}
            onChange={setReason}
          />
          <TextField id="erase-confirm" label={t('eraseConfirm')} value={typed} onChange={setTyped} />
          <div className="actions">
            <button type="submit" className="danger" disabled={typed !== member.customerNumber}>
              {t('confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}
