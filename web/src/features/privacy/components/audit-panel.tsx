import { ErrorNote } from '../../../components/error-note.tsx';
import { Section } from '../../../components/section.tsx';
import { Table } from '../../../components/table.tsx';
import { formatInstant } from '../../../lib/format.ts';
import { useI18n, type MessageKey } from '../../../lib/i18n/i18n-provider.tsx';
import { useAudit } from '../api/use-audit.ts';

/** Who viewed or changed the member's data, and what the campaigns that reached them read. */
export function AuditPanel({ customerNumber }: { customerNumber: string }) {
  const { t, language } = useI18n();
  const audit = useAudit(customerNumber);
  return (
    <Section id="audit" title={t('auditTrail')}>
      {audit.isError && <ErrorNote error={audit.error} />}
      {audit.data && (
        <>
          <Table
            columns={[
              { header: t('when'), cell: (entry) => formatInstant(entry.at, language) },
              { header: t('role'), cell: (entry) => entry.role },
              {
                header: t('action'),
                cell: (entry) => `${entry.action}${entry.fields ? ` (${entry.fields.join(', ')})` : ''}`,
              },
              { header: t('by'), cell: (entry) => entry.actor ?? entry.purpose },
            ]}
            rows={audit.data.entries}
            rowKey={(entry) => String(entry.seq)}
          />
          <Table
            caption={t('campaignReads')}
            columns={[
              { header: t('when'), cell: (read) => formatInstant(read.at, language) },
              { header: t('campaign'), cell: (read) => `${read.campaignId} (${read.channel})` },
              {
                header: t('fieldsRead'),
                cell: (read) => read.fields.map((field) => t(field as MessageKey)).join(', '),
              },
            ]}
            rows={audit.data.campaignReads}
            rowKey={(read) => read.campaignId}
          />
        </>
      )}
    </Section>
  );
}
