import { PERSONAL_FIELDS } from '../../lib/generated/code-lists.ts';
import type { Member } from './api/use-member.ts';

/** The fields a person corrects here, in the order of the form: every personal field of the register. */
export const EDITABLE = PERSONAL_FIELDS;
export type Editable = (typeof EDITABLE)[number];
/** The fields, and why the date of birth changes when it does. */
export type Draft = Record<Editable, string> & { birthDateReason: string };
/** None of these can be removed (sent as none); the others can. */
export const REQUIRED: ReadonlySet<Editable> = new Set([
  'surname',
  'firstNames',
  'birthDate',
  'gender',
  'language',
]);

export const draftOf = (member: Member): Draft => ({
  ...(Object.fromEntries(EDITABLE.map((field) => [field, member[field] ?? ''])) as Record<Editable, string>),
  birthDateReason: '',
});

/** The fields the user changed from the version they started from. */
export const changedFields = (base: Member, draft: Draft) =>
  EDITABLE.filter((field) => draft[field].trim() !== (base[field] ?? ''));

/** The correction to send: the changed fields only, an emptied optional one as none (null), a changed date of birth with its reason. */
export const correctionOf = (base: Member, draft: Draft): Record<string, string | null> => {
  const changed = changedFields(base, draft);
  return {
    ...Object.fromEntries(
      changed.map((field) => [
        field,
        draft[field].trim() === '' && !REQUIRED.has(field) ? null : draft[field].trim(),
      ]),
    ),
    ...(changed.includes('birthDate') && draft.birthDateReason
      ? { birthDateReason: draft.birthDateReason }
      : {}),
  };
};

/** The user's own changes laid over the latest version: their fields win only where they changed them. */
export function reapplied({ base, draft, latest }: { base: Member; draft: Draft; latest: Member }): Draft {
  const mine = new Set(changedFields(base, draft));
  return {
    ...(Object.fromEntries(
      EDITABLE.map((field) => [field, mine.has(field) ? draft[field] : (latest[field] ?? '')]),
    ) as Record<Editable, string>),
    birthDateReason: draft.birthDateReason,
  };
}
