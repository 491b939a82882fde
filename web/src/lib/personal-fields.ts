import { PERSONAL_FIELDS, type PersonalField } from './generated/code-lists.ts';

type TextField = Exclude<PersonalField, 'birthDate' | 'gender' | 'language'>;

/** The personal fields the console edits as text, in the register's order (the others are chosen, not typed). */
export const TEXT_FIELDS = PERSONAL_FIELDS.filter(
  (field): field is TextField => field !== 'birthDate' && field !== 'gender' && field !== 'language',
);
