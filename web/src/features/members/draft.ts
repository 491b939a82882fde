import { TEXT_FIELDS } from '../../lib/personal-fields.ts';
import type { Member } from './api/use-member.ts';

/** The fields a person corrects here, in the order of the form. */
export const EDITABLE = TEXT_FIELDS;
export type Editable = (typeof EDITABLE)[number];
export type Draft = Record<Editable, string>;
export const REQUIRED: ReadonlySet<Editable> = new Set(['surname', 'firstNames']);

export const draftOf = (member: Member): Draft =>
  Object.fromEntries(EDITABLE.map((field) => [field, member[field] ?? ''])) as Draft;

/** The fields the user changed from the version they started from. */
export const changedFields = (base: Member, draft: Draft) =>
  EDITABLE.filter((field) => draft[field].trim() !== (base[field] ?? ''));

/** The correction to send: the changed fields only, an emptied optional one as none (null). */
export const correctionOf = (base: Member, draft: Draft) =>
  Object.fromEntries(
    changedFields(base, draft).map((field) => [
      field,
      draft[field].trim() === '' && !REQUIRED.has(field) ? null : draft[field].trim(),
    ]),
  );

/** The user's own changes laid over the latest version: their fields win only where they changed them. */
export function reapplied({ base, draft, latest }: { base: Member; draft: Draft; latest: Member }): Draft {
  const mine = new Set(changedFields(base, draft));
  return Object.fromEntries(
    EDITABLE.map((field) => [field, mine.has(field) ? draft[field] : (latest[field] ?? '')]),
  ) as Draft;
}
