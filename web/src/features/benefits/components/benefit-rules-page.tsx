import { Loaded } from '../../../components/loaded.tsx';
import { Section } from '../../../components/section.tsx';
import { may } from '../../../lib/auth/authorization.ts';
import { useSession } from '../../../lib/auth/auth-provider.tsx';
import { useI18n } from '../../../lib/i18n/i18n-provider.tsx';
import { useBenefitRules } from '../api/use-benefit-rules.ts';
import { NewRulesForm } from './new-rules-form.tsx';
import { RuleSetView } from './rule-set-view.tsx';
import { RulesHistory } from './rules-history.tsx';

/**
 * The benefit rules: those in force, those that take over later, and every rule set saved; the admin
 * saves new ones, marketing reads. A default export: the console loads this page only when it is opened.
 */
export default function BenefitRulesPage() {
  const { t } = useI18n();
  const { roles } = useSession();
  const rules = useBenefitRules();
  return (
    <>
      <h1>{t('benefitRules')}</h1>
      <p>{t('rulesIntro')}</p>
      <Loaded query={rules}>
        {(rules) => (
          <>
            <Section id="rules-in-force" title={t('rulesInForce')}>
              {rules.inForce ? <RuleSetView rules={rules.inForce} /> : <p>{t('noRulesInForce')}</p>}
            </Section>
            <Section id="rules-next" title={t('rulesNext')}>
              {rules.next.length === 0 && <p>{t('noNextRules')}</p>}
              {rules.next.map((next) => (
                <RuleSetView key={next.rulesId} rules={next} />
              ))}
            </Section>
            {may(roles, 'setBenefitRules') && <NewRulesForm inForce={rules.inForce} />}
            <RulesHistory history={rules.history} />
          </>
        )}
      </Loaded>
    </>
  );
}
