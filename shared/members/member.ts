import type { Consent, Purpose } from '../consents/purposes.ts';
import type { EntryChannel } from './entry-channel.ts';

/** A loyalty member as the domain sees it. Storage shape lives in shared/store only. */
export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
/**
 * Why a date of birth was corrected (a code, never free text, so the audit trail holds no personal
 * data): it was entered wrong, an identity document showed it, or the population register did.
 */
export const BIRTH_DATE_REASONS = ['entry-error', 'identity-document', 'population-register'] as const;
export const CARD_TYPES = ['MASTERCARD', 'CASH_CARD', 'NONE'] as const;
/** A card's life: ordered by the member, put in a batch, then as the manufacturer answers. */
export const CARD_STATUSES = [
  'NONE',
  'ORDERED',
  'BATCHED',
  'PRODUCED',
  'SHIPPED',
  'REJECTED',
  'RETURNED',
] as const;

export type Gender = (typeof GENDERS)[number];
export type Language = (typeof LANGUAGES)[number];
export type CardType = (typeof CARD_TYPES)[number];
export type CardStatus = (typeof CARD_STATUSES)[number];
/** A card that never reached the member: the manufacturer rejected it or the post returned it. */
export const CARD_NOT_RECEIVED: ReadonlySet<CardStatus> = new Set<CardStatus>(['RETURNED', 'REJECTED']);

/** The personal fields a member or customer service may set; each remembers its source. */
export const PERSONAL_FIELDS = [
  'surname',
  'firstNames',
  'streetAddress',
  'postalCode',
  'postOffice',
  'mobile',
  'phone',
  'email',
  'birthDate',
  'gender',
  'language',
] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export const ADDRESS_FIELDS = [
  'streetAddress',
  'postalCode',
  'postOffice',
] as const satisfies readonly PersonalField[];

/** Fields the register sets itself; a request that tries to set them is refused. */
export const SYSTEM_FIELDS = [
  'customerNumber',
  'channel',
  'card',
  'flags',
  'sources',
  'version',
  'createdAt',
  'updatedAt',
] as const;

export type DataSource =
  | 'member'
  | 'customer-service'
  | 'admin'
  | 'processor'
  | 'population-register'
  | 'card-manufacturer'
  | 'legacy-register';

export interface FieldSource {
  source: DataSource;
  at: string;
}

export interface PersonalData {
  surname: string;
  firstNames: string;
  streetAddress?: string;
  postalCode?: string;
  postOffice?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  birthDate: string;
  gender: Gender;
  language: Language;
}

export interface Card {
  type: CardType;
  status: CardStatus;
  cardNumber?: string;
  /** When the current order was placed; identifies it in the card order queue. */
  orderedAt?: string;
  /** The name on the card as agreed with the member, when their own cannot be embossed as it is. */
  agreedNameOnCard?: string;
}

export interface Flags {
  deceased: boolean;
  protectedAddress: boolean;
  restricted: boolean;
  addressDoubtful: boolean;
  /** The email bounced hard (the address takes no mail): customer service corrects it, which clears this. */
  emailUndeliverable?: boolean;
}

export interface Member extends PersonalData {
  customerNumber: string;
  /** The current consents and bans, kept with the profile so a campaign reads one item per member. */
  consents?: Partial<Record<Purpose, Consent>>;
  card: Card;
  flags: Flags;
  /** Date of death as the population register gives it, with flags.deceased. */
  deceasedOn?: string;
  /** When the member asked to be erased (Art. 17); the retention job carries it out unless an admin does first. */
  erasureRequestedAt?: string;
  /** When the membership ended; the member is erased 12 months later. */
  membershipEndedAt?: string;
  /** How the member joined (absent for members who joined before channels were recorded). */
  channel?: EntryChannel;
  /** The date on the paper form the member signed, when they joined on paper. */
  formDate?: string;
  /** The member's number in the register used until the move (2009–), kept for customer service. */
  legacyNumber?: string;
  /** The sign-in account (its subject) linked to this member, whose tokens carry the customer number. */
  account?: string;
  /** How it was linked: by the member's own verified email, or by card number and birth date. */
  accountLinkedBy?: 'email' | 'card';
  /** A card-linked account's verified email: told when the member's own email takes the membership back. */
  accountEmail?: string;
  /** The address update line last applied to this member, so a resumed run counts it once. */
  addressRefresh?: { fileId: string; line: number; outcome: string };
  sources: Partial<Record<PersonalField, FieldSource>>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const NO_FLAGS: Flags = {
  deceased: false,
  protectedAddress: false,
  restricted: false,
  addressDoubtful: false,
};

const VIEW_ORDER = [
  'customerNumber',
  'legacyNumber',
  ...PERSONAL_FIELDS,
  'channel',
  'formDate',
  'card',
  'flags',
  'deceasedOn',
  'erasureRequestedAt',
  'membershipEndedAt',
  'version',
  'createdAt',
  'updatedAt',
] as const;

/** What the API shows of a member, in a stable field order; field sources only on request. */
export function memberView(member: Member, includeSources: boolean): Partial<Member> {
  const view: Record<string, unknown> = {};
  for (const field of VIEW_ORDER) if (member[field] !== undefined) view[field] = member[field];
  if (includeSources) view.sources = member.sources;
  return view as Partial<Member>;
}

/** A member who asked to be erased or whose membership ended: no more marketing, cards or address checks. */
export const isLeaving = (member: Pick<Member, 'erasureRequestedAt' | 'membershipEndedAt'>): boolean =>
  Boolean(member.erasureRequestedAt || member.membershipEndedAt);

/** The versions a change may be made on: any current one, or those the caller read. */
export type ExpectedVersion = 'any' | readonly number[];

export const isExpectedVersion = (expected: ExpectedVersion, version: number) =>
  expected === 'any' || expected.includes(version);
