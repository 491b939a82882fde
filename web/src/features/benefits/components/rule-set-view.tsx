import { Table } from '../../../components/table.tsx';
import { formatCents, formatMonth, formatPercent, nameOf } from '../../../lib/format.ts';
import { MAIN_GROUP_NAMES } from '../../../lib/generated/code-lists.ts';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import type { RuleSet } from '../api/use-benefit-rules.ts';
import { MAIN_GROUPS } from '../rules-form.ts';

/** One rule set: from which month, its tiers, and the main groups with a rule of their own. */
export function RuleSetView({ rules }: { rules: RuleSet }) {
  const { t, language } = useI18n();
  const own = MAIN_GROUPS.flatMap((group) => {
    const rule = rules.groups[group];
    return rule ? [{ group, rule }] : [];
  });
  return (
    <div className="rule-set">
      <h3>
        {t('effectiveFrom')} {formatMonth(rules.effectiveFrom, language)}{' '}
        <span className="meta">{rules.rulesId}</span>
      </h3>
      <Table
        caption={t('tiersCaption')}
        columns={[
          {
            header: t('tierFrom'),
            rowHeader: true,
            className: 'number',
            cell: (tier) => formatCents(tier.fromCents),
          },
          { header: t('percent'), className: 'number', cell: (tier) => formatPercent(tier.percent) },
        ]}
        rows={rules.tiers}
        rowKey={(tier) => String(tier.fromCents)}
      />
      <Table
        caption={t('groupRulesCaption')}
        columns={[
          {
            header: t('mainGroup'),
            rowHeader: true,
            cell: ({ group }) => nameOf(MAIN_GROUP_NAMES[group], language),
          },
          {
            header: t('rule'),
            cell: ({ rule }) => ('excluded' in rule ? t('rule_excluded') : formatPercent(rule.percent)),
          },
        ]}
        rows={own}
        rowKey={({ group }) => group}
      />
      <p className="help">{own.length === 0 ? t('groupRulesNone') : t('groupRulesOthers')}</p>
    </div>
  );
}
