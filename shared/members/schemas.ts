import * as z from 'zod/mini';
import { foldName } from './name-key.ts';
import { isCustomerNumber } from './customer-number.ts';
import { normalisePhone } from './phone.ts';
import { AGREED_NAME_ON_CARD, NAME_ON_CARD_MAX } from '../cards/name-on-card.ts';
import { RegistrationConsents } from '../consents/answers.ts';
import { ageOn, helsinkiDate, isCalendarDate } from '../time/helsinki.ts';
import {
  ADDRESS_FIELDS,
  BIRTH_DATE_REASONS,
  CARD_STATUSES,
  CARD_TYPES,
  GENDERS,
  LANGUAGES,
  PERSONAL_FIELDS,
} from './member.ts';
import { ENTRY_CHANNELS, STAFF_ENTRY_CHANNELS } from './entry-channel.ts';

/** Request schemas: strict (unknown fields are refused), normalising, and the source of the OpenAPI document. */

export const MINIMUM_AGE = 15;

/**
 * A pattern compiled on first use: a Unicode property class (\p{L}) costs most of a millisecond to
 * build, which module init would add to every cold start. The document still states the pattern.
 */
function lazyPattern(source: string) {
  let compiled: RegExp | undefined;
  return (value: string) => (compiled ??= new RegExp(source, 'u')).test(value);
}

/** Starts with a letter; no invisible character anywhere (a Hangul filler or a joiner is a letter or a mark). */
const NAME = "^(?!\\p{DI})\\p{L}(?:(?!\\p{DI})[\\p{L}\\p{M} '.-])*$";
const ADDRESS = "^(?!\\p{DI})[\\p{L}\\p{N}](?:(?!\\p{DI})[\\p{L}\\p{M}\\p{N} '.,/-])*$";
/** The same rules without a schema around them, for files read line by line (a schema costs a microsecond a call). */
export const isName = lazyPattern(NAME);
export const isAddressText = lazyPattern(ADDRESS);

const text = (max: number, pattern: string, test: (value: string) => boolean, what: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(max, `must be at most ${max} characters`),
      z.refine(test, `may contain only ${what}`),
      z.meta({ pattern }),
    );
const E164 = /^\+[1-9]\d{6,14}$/;

export const Surname = text(50, NAME, isName, 'letters, spaces, hyphens, apostrophes and periods');
export const FirstNames = text(100, NAME, isName, 'letters, spaces, hyphens, apostrophes and periods');
export const StreetAddress = text(50, ADDRESS, isAddressText, "letters, digits, spaces and , . / ' -");
export const PostOffice = text(30, NAME, isName, 'letters, spaces, hyphens, apostrophes and periods');
export const PostalCode = z.string().check(z.trim(), z.regex(/^\d{5}$/, 'must be 5 digits'));
export const PhoneNumber = z.string().check(
  z.maxLength(30, 'must be at most 30 characters'),
  z.overwrite((written) => normalisePhone(written) ?? written),
  // A refinement, not a pattern: the document must not claim that local forms are refused.
  z.refine(
    (normalised) => E164.test(normalised),
    'must be a phone number, such as 040 123 4567 or +358 40 123 4567',
  ),
  z.meta({ description: 'Stored as E.164; Finnish numbers may be written locally (040 123 4567).' }),
);
/**
 * An email as the register keeps it: validated as written (ASCII letters, digits and the usual
 * marks), then its ASCII letters lower-cased. Never a case mapping first: the Kelvin sign K would
 * become k, and one mailbox would pass for another's.
 */
export const Email = z
  .string()
  .check(
    z.trim(),
    z.maxLength(254, 'must be at most 254 characters'),
    z.email('must be an email address'),
    z.toLowerCase(),
  );
export const BirthDate = z.string().check(
  z.refine(isCalendarDate, 'must be a date as YYYY-MM-DD'),
  z.refine(
    (date) => ageOn(date, helsinkiDate(new Date())) >= MINIMUM_AGE,
    `a member must be at least ${MINIMUM_AGE} years old`,
  ),
);
/** A day the member signed a form: a calendar date, not after today (Helsinki). */
export const FormDate = z.string().check(
  z.refine(isCalendarDate, 'must be a date as YYYY-MM-DD'),
  z.refine((date) => date <= helsinkiDate(new Date()), 'must not be after today'),
);
export const Gender = z.enum(GENDERS);
export const Language = z.enum(LANGUAGES);

export const CustomerNumber = z
  .string()
  .check(
    z.regex(/^\d{10}$/, 'must be 10 digits'),
    z.refine(isCustomerNumber, 'check digit does not match: the number is mistyped'),
  );
export const CARD_NUMBER = /^\d{16}$/;
/** A member's number in the earlier register: 1 to 8 digits, no check digit. */
export const LegacyNumber = z.string().check(z.regex(/^[1-9]\d{0,7}$/, 'must be 1 to 8 digits'));
export const CardNumber = z.string().check(z.regex(CARD_NUMBER, 'must be the 16 digits of a loyalty card'));

const addressComplete = (fields: Partial<Record<(typeof ADDRESS_FIELDS)[number], unknown>>) => {
  const given = ADDRESS_FIELDS.filter((f) => fields[f] !== undefined && fields[f] !== null);
  return given.length === 0 || given.length === ADDRESS_FIELDS.length;
};
const ADDRESS_INCOMPLETE = 'street address, postal code and post office go together';

const REGISTRATION_FIELDS = {
  surname: Surname,
  firstNames: FirstNames,
  streetAddress: z.optional(StreetAddress),
  postalCode: z.optional(PostalCode),
  postOffice: z.optional(PostOffice),
  mobile: z.optional(PhoneNumber),
  phone: z.optional(PhoneNumber),
  email: z.optional(Email),
  birthDate: BirthDate,
  gender: z.optional(Gender),
  language: z.optional(Language),
  consents: z.optional(RegistrationConsents),
  /** Which channel the registration came through; a paper form's with its date. */
  channel: z.optional(z.enum(STAFF_ENTRY_CHANNELS)),
  formDate: z.optional(FormDate),
};
/** A date on a paper form is there only for a paper registration, and then it must be. */
const formDatedIfPaper = z.refine<{ channel?: string; formDate?: string }>(
  (fields) => (fields.channel === 'paper') === (fields.formDate !== undefined),
  { message: 'is the date on the paper form: given with channel paper, and only then', path: ['formDate'] },
);
const addressGoesTogether = z.refine<Partial<Record<(typeof ADDRESS_FIELDS)[number], unknown>>>(
  addressComplete,
  {
    message: ADDRESS_INCOMPLETE,
    path: ['streetAddress'],
  },
);

export const RegisterMemberBody = z
  .strictObject(REGISTRATION_FIELDS)
  .check(addressGoesTogether, formDatedIfPaper);

/** A person joining on their own: the same form, their email being their account's verified one. */
export const JoinBody = z
  .strictObject(
    (({ email: _email, channel: _channel, formDate: _formDate, ...fields }) => fields)(REGISTRATION_FIELDS),
  )
  .check(addressGoesTogether);

/** JSON merge patch of personal data: null removes an optional field; required fields cannot be removed. */
export const CorrectMemberBody = z.strictObject({
  surname: z.optional(Surname),
  firstNames: z.optional(FirstNames),
  streetAddress: z.optional(z.nullable(StreetAddress)),
  postalCode: z.optional(z.nullable(PostalCode)),
  postOffice: z.optional(z.nullable(PostOffice)),
  mobile: z.optional(z.nullable(PhoneNumber)),
  phone: z.optional(z.nullable(PhoneNumber)),
  email: z.optional(z.nullable(Email)),
  birthDate: z.optional(BirthDate),
  /** Needed with a changed date of birth: why it was wrong. */
  birthDateReason: z.optional(z.enum(BIRTH_DATE_REASONS)),
  gender: z.optional(Gender),
  language: z.optional(Language),
});

export const MemberPath = z.strictObject({ customerNumber: CustomerNumber });
export const ReadMemberQuery = z.strictObject({ include: z.optional(z.literal('sources')) });
export const FindMembersQuery = z
  .strictObject({
    email: z.optional(Email),
    phone: z.optional(PhoneNumber),
    cardNumber: z.optional(CardNumber),
    legacyNumber: z.optional(LegacyNumber),
  })
  .check(
    z.refine((q) => Object.keys(q).length === 1, {
      message: 'give exactly one of email, phone, cardNumber or legacyNumber',
      path: ['email'],
    }),
  );
/** A name search's criteria: the surname's beginning at least (see name-key.ts for how names compare). */
export const SearchMembersQuery = z.strictObject({
  surname: z
    .string()
    .check(z.trim(), z.minLength(1), z.maxLength(50), z.regex(/\p{L}/u, 'must contain a letter')),
  firstName: z.optional(
    z.string().check(
      z.trim(),
      z.maxLength(100),
      z.refine((name) => foldName(name) !== '', 'must contain a letter'),
    ),
  ),
  birthDate: z.optional(z.string().check(z.refine(isCalendarDate, 'must be a date as YYYY-MM-DD'))),
  postalCode: z.optional(PostalCode),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});
export type SearchMembersInput = z.output<typeof SearchMembersQuery>;

/** A client's retry key: short and printable, since it becomes part of a table key. */
export const IdempotencyKey = z
  .string()
  .check(z.regex(/^[\w.:-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ : -'));
export const ChooseCardBody = z.strictObject({ type: z.enum(CARD_TYPES) });
export const AgreeNameOnCardBody = z.strictObject({
  nameOnCard: z
    .string()
    .check(
      z.regex(
        AGREED_NAME_ON_CARD,
        `must be 1 to ${NAME_ON_CARD_MAX} upper-case letters A-Z Å Ä Ö Ü É, spaces, hyphens or apostrophes, beginning and ending with a letter`,
      ),
    ),
});

export type RegisterMemberInput = z.output<typeof RegisterMemberBody>;
export type JoinInput = z.output<typeof JoinBody>;
export type CorrectMemberInput = z.output<typeof CorrectMemberBody>;
export type FindMembersInput = z.output<typeof FindMembersQuery>;

export { ADDRESS_INCOMPLETE, addressComplete };

/** Response shapes, for the OpenAPI document and for tests that check what the API answers. */
const FieldSourceView = z.strictObject({ source: z.string(), at: z.string() });
export const MemberView = z.strictObject({
  customerNumber: z.string(),
  legacyNumber: z.optional(z.string()),
  channel: z.optional(z.enum(ENTRY_CHANNELS)),
  formDate: z.optional(z.string()),
  surname: z.string(),
  firstNames: z.string(),
  streetAddress: z.optional(z.string()),
  postalCode: z.optional(z.string()),
  postOffice: z.optional(z.string()),
  mobile: z.optional(z.string()),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  birthDate: z.string(),
  gender: Gender,
  language: Language,
  card: z.strictObject({
    type: z.enum(CARD_TYPES),
    status: z.enum(CARD_STATUSES),
    cardNumber: z.optional(z.string()),
    orderedAt: z.optional(z.string()),
    agreedNameOnCard: z.optional(z.string()),
  }),
  flags: z.strictObject({
    deceased: z.boolean(),
    protectedAddress: z.boolean(),
    restricted: z.boolean(),
    addressDoubtful: z.boolean(),
    emailUndeliverable: z.optional(z.boolean()),
  }),
  sources: z.optional(z.partialRecord(z.enum(PERSONAL_FIELDS), FieldSourceView)),
  /** A member leaving: asked to be erased, or ended the membership (erased when its days are up). */
  erasureRequestedAt: z.optional(z.string()),
  membershipEndedAt: z.optional(z.string()),
  deceasedOn: z.optional(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const MemberList = z.strictObject({ members: z.array(MemberView) });
export const MemberSearchPage = z.strictObject({
  members: z.array(
    z.strictObject({
      customerNumber: z.string(),
      surname: z.string(),
      firstNames: z.string(),
      birthDate: z.string(),
      postalCode: z.optional(z.string()),
      postOffice: z.optional(z.string()),
      flags: MemberView.shape.flags,
    }),
  ),
  next: z.optional(z.string()),
});
export const ProblemView = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(z.strictObject({ field: z.string(), message: z.string() }))),
});
