import type { RouteSpec } from '../route.ts';
import { BenefitRulesBody, BenefitRulesView, BenefitsView } from '../../benefits/schemas.ts';
import { MemberPath } from '../../members/schemas.ts';

export const readBenefitRules = {
  method: 'GET',
  path: '/benefit-rules',
  handler: 'api/benefits/read-rules',
  roles: ['admin', 'marketing'],
  summary: 'The benefit rules in force, those that take over in a later month, and every rule set saved',
  responses: { 200: { description: 'The rules', body: BenefitRulesView } },
  tableActions: ['Query'],
} as const satisfies RouteSpec;

export const setBenefitRules = {
  method: 'POST',
  path: '/benefit-rules',
  handler: 'api/benefits/set-rules',
  roles: ['admin'],
  summary:
    'A new version of the benefit rules, in force from a month not yet closed: tiers by the month’s counted total, and per main group its own percent or none',
  body: BenefitRulesBody,
  responses: {
    201: { description: 'Saved: the rule set with its id' },
    400: { description: 'Not valid: more than 10 %, tiers out of order, an unknown group or a closed month' },
  },
  tableActions: ['Query', 'PutItem'],
} as const satisfies RouteSpec;

export const readBenefits = {
  method: 'GET',
  path: '/members/{customerNumber}/benefits',
  handler: 'api/benefits/read',
  roles: ['admin', 'customer-service', 'member'],
  summary:
    'A member’s benefits: this month so far (the tier reached, what the next needs), the statements of closed months, and what is paid, waiting or lapsed',
  params: MemberPath,
  responses: {
    200: { description: 'The benefits', body: BenefitsView },
    404: { description: 'No such member' },
  },
  tableActions: ['GetItem', 'Query', 'PutItem', 'DeleteItem'],
} as const satisfies RouteSpec;
