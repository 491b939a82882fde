import { readBenefitRules as route } from '../../../shared/contract/routes/benefits.ts';
import { readBenefitRules } from '../../../shared/benefits/set-rules.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { benefitRulesStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller }) => readBenefitRules(caller, benefitRulesStore()));
