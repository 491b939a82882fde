import { Section } from '../../../components/section.tsx';
import { Table } from '../../../components/table.tsx';
import { formatCents, formatInstant, formatMonth, formatPercent, nameOf } from '../../../lib/format.ts';
import { MAIN_GROUP_NAMES } from '../../../lib/generated/code-lists.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import type { RuleSet } from '../api/use-benefit-rules.ts';
import { MAIN_GROUPS } from '../rules-form.ts';

/** Every rule set saved, newest first: the record of every change; who set each is the admin's to see. */
export function RulesHistory({ history }: { history: readonly RuleSet[] }) {
  const { t, language } = useI18n();
  const groupsOf = (rules: RuleSet) =>
    MAIN_GROUPS.flatMap((group) => {
      const rule = rules.groups[group];
      if (!rule) return [];
      const name = nameOf(MAIN_GROUP_NAMES[group], language);
      return [`${name} ${'excluded' in rule ? t('rule_excluded') : formatPercent(rule.percent)}`];
    }).join(', ');
  return (
    <Section id="rules-history" title={t('rulesHistory')}>
      <Table
        caption={t('rulesHistoryCaption')}
        empty={t('noRulesSaved')}
        columns={[
          { header: t('rulesId'), rowHeader: true, cell: (rules) => rules.rulesId },
          { header: t('effectiveFrom'), cell: (rules) => formatMonth(rules.effectiveFrom, language) },
          {
            header: t('tiers'),
            cell: (rules) =>
              rules.tiers
                .map((tier) => `${formatCents(tier.fromCents)} → ${formatPercent(tier.percent)}`)
                .join(', '),
          },
          { header: t('groupRules'), cell: (rules) => groupsOf(rules) || '—' },
          { header: t('setAt'), cell: (rules) => formatInstant(rules.setAt, language) },
          // The API names who set a rule set to the admin only.
          history.some((rules) => rules.setBy !== undefined) && {
            header: t('setBy'),
            cell: (rules) => rules.setBy ?? '—',
          },
        ]}
        rows={history}
        rowKey={(rules) => rules.rulesId}
      />
    </Section>
  );
}
