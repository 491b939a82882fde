import type { AnswerOf, BodyOf } from '../../lib/api/types.ts';

export type Campaign = AnswerOf<'readCampaign'>;
export type Criteria = NonNullable<BodyOf<'createCampaign'>['criteria']>;
export type Content = NonNullable<BodyOf<'createCampaign'>['content']>;
/** The criteria as the form holds them: text by field; an empty field sets no criterion. */
export type CriteriaForm = Record<string, string>;

/** The form's text as the API's criteria: ages as numbers, empty fields left out. */
export function criteriaOf(form: CriteriaForm): Criteria {
  const trimmed = Object.fromEntries(
    Object.entries(form)
      .map(([field, text]) => [field, text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );
  return {
    ...(trimmed.language ? { language: trimmed.language as Criteria['language'] } : {}),
    ...(trimmed.ageMin ? { ageMin: Number(trimmed.ageMin) } : {}),
    ...(trimmed.ageMax ? { ageMax: Number(trimmed.ageMax) } : {}),
    ...(trimmed.postalCodePrefix ? { postalCodePrefix: trimmed.postalCodePrefix } : {}),
  };
}

/** The simple criteria as form text; a purchase criterion (set through the API) is not the form's. */
export const simpleCriteria = (criteria: Campaign['criteria']): [string, string][] =>
  Object.entries(criteria)
    .filter(([, value]) => typeof value !== 'object')
    .map(([field, value]) => [field, String(value)]);
