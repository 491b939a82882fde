import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../../lib/api/queries.ts';
import type { RulesBody } from '../rules-form.ts';
import { benefitKeys } from './keys.ts';

export type { RuleSet } from '../rules-form.ts';

/** The rules in force, those that take over in a later month, and every rule set saved. */
export const useBenefitRules = () => useApiQuery(benefitKeys.rules(), (api) => api.GET('/benefit-rules'));

/** Saves a new rule set (the admin's); the rules are read again. */
export function useSetBenefitRules() {
  const queryClient = useQueryClient();
  return useApiMutation<unknown, RulesBody>((api, body) => api.POST('/benefit-rules', { body }), {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: benefitKeys.rules() }),
  });
}
