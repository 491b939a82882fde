import { setBenefitRules as route } from '../../../shared/contract/routes/benefits.ts';
import { setBenefitRules } from '../../../shared/benefits/set-rules.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { benefitRulesStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ caller, body }) =>
  reply(201, await setBenefitRules(caller, body, benefitRulesStore())),
);
