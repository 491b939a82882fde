import type * as z from 'zod/mini';
import type { Consent, Purpose } from '../consents/purposes.ts';
import type { CardOrder } from '../members/member-store.ts';
import {
  MINIMUM_AGE,
  CARD_NUMBER,
  Email,
  FirstNames,
  LegacyNumber,
  PhoneNumber,
  PostalCode,
  PostOffice,
  StreetAddress,
  Surname,
} from '../members/schemas.ts';
import type { Card, Gender, Language, PersonalData, PersonalField } from '../members/member.ts';
import { ageOn } from '../time/helsinki.ts';
import { finnishDate, type MemberRow } from './export-format.ts';

/** A field the register refuses, the member imported without it. */
export interface Dropped {
  field: PersonalField | 'card' | 'joined' | 'bans' | 'consents';
  reason: string;
}

export type MemberDecision =
  | { outcome: 'refused'; legacyNumber: string; reason: string }
  /** Not moved in, as the register's own rules say (deceased members). */
  | { outcome: 'left-out'; legacyNumber: string; reason: string; deceasedOn?: string }
  | { outcome: 'import'; legacyNumber: string; member: LegacyMember; dropped: Dropped[] };

/** What the register keeps of one earlier member. */
export interface LegacyMember {
  legacyNumber: string;
  data: PersonalData;
  joinedOn: string;
  card: Card;
  /** A produced cash card the tills resolve from the first day. */
  linkCard?: string;
  /** A card ordered and not produced: it waits in the card order queue. */
  order?: Pick<CardOrder, 'cardType' | 'orderType'>;
  protectedAddress: boolean;
  answers: Pick<Consent, 'purpose' | 'granted' | 'at'>[];
}

const GENDERS: Record<string, Gender> = { M: 'male', N: 'female', '': 'unspecified' };
const LANGUAGES: Record<string, Language> = { FI: 'fi', SV: 'sv', EN: 'en', '': 'fi' };
const MASKED_MASTERCARD = /^\*{12}(\d{4})$/;

/** A value through the register's own rule for its field: its normal form, or why it is refused. */
function checked(schema: z.ZodMiniType, value: string): { value?: string; reason?: string } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { value: parsed.data as string };
  const message = parsed.error.issues[0]?.message;
  return { reason: message && message !== 'Invalid input' ? message : 'is not valid' };
}

/**
 * One line of members.csv as the register takes it: refused (no valid name or birth date, under 15),
 * left out (deceased), or imported, without each field the register refuses and saying why.
 */
export function decideMember(row: MemberRow, today: string): MemberDecision {
  const legacyNumber = row.asiakasnro;
  const refuse = (reason: string): MemberDecision => ({ outcome: 'refused', legacyNumber, reason });
  if (!LegacyNumber.safeParse(legacyNumber).success) return refuse('the earlier number is not 1 to 8 digits');
  if (row.kuollut !== '') {
    const deceasedOn = finnishDate(row.kuollut);
    return { outcome: 'left-out', legacyNumber, reason: 'deceased', ...(deceasedOn ? { deceasedOn } : {}) };
  }
  // Typed on Windows: the typographic apostrophe is the register's plain one.
  const name = (value: string) => value.replaceAll('’', "'").trim();
  const surname = checked(Surname, name(row.sukunimi));
  if (!surname.value) return refuse(`surname ${surname.reason}`);
  const firstNames = checked(FirstNames, name(row.etunimet));
  if (!firstNames.value) return refuse(`first names ${firstNames.reason}`);
  const birthDate = finnishDate(row.syntymaaika);
  if (!birthDate) return refuse('invalid birth date');
  if (ageOn(birthDate, today) < MINIMUM_AGE) return refuse(`under ${MINIMUM_AGE}`);
  const gender = GENDERS[row.sukupuoli];
  const language = LANGUAGES[row.kieli];

  const dropped: Dropped[] = [];
  const data: PersonalData = {
    surname: surname.value,
    firstNames: firstNames.value,
    birthDate,
    gender: gender ?? 'unspecified',
    language: language ?? 'fi',
  };
  if (!gender) dropped.push({ field: 'gender', reason: 'is not M, N or empty' });
  if (!language) dropped.push({ field: 'language', reason: 'is not FI, SV, EN or empty' });
  const optional = (field: PersonalField, schema: z.ZodMiniType, written: string) => {
    if (written.trim() === '') return;
    const result = checked(
      schema,
      field === 'streetAddress' || field === 'postOffice' ? name(written) : written,
    );
    if (result.value) Object.assign(data, { [field]: result.value });
    else dropped.push({ field, reason: result.reason! });
  };
  optional('mobile', PhoneNumber, row.matkapuhelin);
  optional('phone', PhoneNumber, row.puhelin);
  optional('email', Email, row.sahkoposti);
  const address = [row.katuosoite, row.postinro, row.postitoimipaikka];
  if (address.some((part) => part.trim() !== '')) {
    optional('streetAddress', StreetAddress, row.katuosoite);
    optional('postalCode', PostalCode, row.postinro);
    optional('postOffice', PostOffice, row.postitoimipaikka);
    // Street address, postal code and post office go together, or none of them.
    if (!data.streetAddress || !data.postalCode || !data.postOffice) {
      const had = (['streetAddress', 'postalCode', 'postOffice'] as const).filter((f) => data[f]);
      for (const field of had) delete data[field];
      if (
        !dropped.some(
          (d) => d.field === 'streetAddress' || d.field === 'postalCode' || d.field === 'postOffice',
        )
      )
        dropped.push({
          field: 'streetAddress',
          reason: 'the address is incomplete (street, postal code and post office go together)',
        });
    }
  }
  let joinedOn = finnishDate(row.liittynyt);
  if (!joinedOn) {
    dropped.push({ field: 'joined', reason: 'the join date is not a date' });
    joinedOn = today;
  }
  const card = cardOf(row, dropped);
  const answers = bansAndConsents(row, joinedOn, dropped);
  return {
    outcome: 'import',
    legacyNumber,
    dropped,
    member: {
      legacyNumber,
      data,
      joinedOn,
      ...card,
      protectedAddress: row.turvakielto === 'K',
      answers,
    },
  };
}

function cardOf(row: MemberRow, dropped: Dropped[]): Pick<LegacyMember, 'card' | 'linkCard' | 'order'> {
  const none = { card: { type: 'NONE', status: 'NONE' } as Card };
  const type = row.kortti === 'KK' ? 'CASH_CARD' : row.kortti === 'MC' ? 'MASTERCARD' : undefined;
  if (row.kortti === 'EI' || row.korttitila === 'SULJETTU') return none;
  if (!type) {
    dropped.push({ field: 'card', reason: 'the card is not MC, KK or EI' });
    return none;
  }
  if (row.korttitila === 'TILATTU') {
    return { card: { type, status: 'ORDERED' }, order: { cardType: type, orderType: 'NEW' } };
  }
  if (row.korttitila !== 'AKTIIVINEN') {
    dropped.push({ field: 'card', reason: 'the card state is not AKTIIVINEN, TILATTU or SULJETTU' });
    return none;
  }
  if (type === 'CASH_CARD') {
    if (CARD_NUMBER.test(row.korttinro)) {
      return { card: { type, status: 'PRODUCED', cardNumber: row.korttinro }, linkCard: row.korttinro };
    }
    dropped.push({ field: 'card', reason: 'a cash card needs its 16-digit number' });
    return none;
  }
  // A MasterCard is kept as its last four digits only, whatever the export holds.
  const lastFour =
    MASKED_MASTERCARD.exec(row.korttinro)?.[1] ??
    (/^\d{16}$/.test(row.korttinro) ? row.korttinro.slice(-4) : undefined);
  if (!lastFour) {
    dropped.push({ field: 'card', reason: 'a MasterCard needs its last four digits' });
    return none;
  }
  return { card: { type, status: 'PRODUCED', cardNumber: `************${lastFour}` } };
}

/** Bans and consents with the day they last changed (the join day when not given). */
function bansAndConsents(row: MemberRow, joinedOn: string, dropped: Dropped[]): LegacyMember['answers'] {
  const answers: LegacyMember['answers'] = [];
  const day = (written: string, what: 'bans' | 'consents') => {
    if (written === '') return joinedOn;
    const date = finnishDate(written);
    if (!date) dropped.push({ field: what, reason: 'the change date is not a date: the join day is used' });
    return date ?? joinedOn;
  };
  const bansOn = day(row.kiellot_muutettu, 'bans');
  const consentsOn = day(row.luvat_muutettu, 'consents');
  const answer = (purpose: Purpose, written: string, on: string, what: 'bans' | 'consents') => {
    if (written === 'K' || written === 'E')
      answers.push({ purpose, granted: written === 'K', at: `${on}T00:00:00.000Z` });
    else if (written !== '') dropped.push({ field: what, reason: `${purpose} is not K, E or empty` });
  };
  answer('directMarketingBan', row.suoramarkkinointikielto, bansOn, 'bans');
  answer('addressDisclosureBan', row.luovutuskielto, bansOn, 'bans');
  answer('marketing.email', row.sahkopostilupa, consentsOn, 'consents');
  answer('marketing.sms', row.tekstiviestilupa, consentsOn, 'consents');
  return answers;
}
