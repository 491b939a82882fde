import { config } from '../config.ts';
import {
  CHANNEL_BASIS,
  channelsOn,
  type Channel,
  type ChannelFooting,
  type Footing,
} from '../consents/purposes.ts';
import type { ItemTypeName } from './item-types.ts';

/**
 * What the register tells a member of the data it keeps about them: the legal bases, the purposes,
 * and each item type about a member with its title, purposes and retention. The export prints this
 * and nothing more, so it is a module of its own: the data catalogue (catalogue.ts) adds to each
 * item type its sources, recipients, fields and what erasure does with it.
 */
export type Text = { fi: string; en: string };

export const LEGAL_BASES = {
  contract: { fi: 'Sopimus (GDPR 6(1)(b))', en: 'Contract (GDPR 6(1)(b))' },
  consent: { fi: 'Suostumus (GDPR 6(1)(a))', en: 'Consent (GDPR 6(1)(a))' },
  'legitimate-interest': { fi: 'Oikeutettu etu (GDPR 6(1)(f))', en: 'Legitimate interest (GDPR 6(1)(f))' },
  'legal-obligation': { fi: 'Lakisääteinen velvoite (GDPR 6(1)(c))', en: 'Legal obligation (GDPR 6(1)(c))' },
} as const satisfies Record<string, Text>;
export type LegalBasis = keyof typeof LEGAL_BASES;

const CHANNEL_NAMES = {
  email: { fi: 'sähköposti', en: 'email' },
  sms: { fi: 'tekstiviesti', en: 'text message' },
  post: { fi: 'kirje', en: 'letter' },
} as const satisfies Record<Channel, Text>;
/** The channels on a footing, named in the notice's language: the notice says what the audiences do. */
const channelNames = (footing: ChannelFooting, basis: Footing, lang: keyof Text) =>
  channelsOn(footing, basis)
    .map((channel) => CHANNEL_NAMES[channel][lang])
    .join(', ');

/** The direct-marketing purposes as the footing of each channel has them (the admin's settings). */
const marketingPurposes = (footing: ChannelFooting) => {
  const names = (basis: Footing, lang: keyof Text) => channelNames(footing, basis, lang);
  const ownCustomer = channelsOn(footing, 'own-customer').length > 0;
  return {
    marketing: {
      fi: `Suoramarkkinointi suostumuksellasi (${names('consent', 'fi')}); suostumuksen voi peruuttaa milloin tahansa`,
      en: `Direct marketing with your consent (${names('consent', 'en')}); a consent may be withdrawn at any time`,
      basis: 'consent',
    },
    'marketing-without-consent': {
      fi: [
        `Suoramarkkinointi ilman suostumusta (${names('legitimate-interest', 'fi')}), ellet ole kieltänyt sitä: suoramarkkinointikielto estää sen, ja osoitteiden luovutuskielto tai turvakielto estää osoitteen luovutuksen postittajalle`,
        ...(ownCustomer
          ? [
              `Moymoren omien vastaavien tuotteiden markkinointi asiakkaillemme (${names('own-customer', 'fi')}) ilman suostumusta (tietoyhteiskuntakaari 200 § 2 mom.), ellet ole kieltäytynyt siitä: voit kieltäytyä maksutta jäsensivuillasi, asiakaspalvelussa, jokaisen sähköpostin linkillä tai vastaamalla tekstiviestiin LOPETA`,
            ]
          : []),
      ].join('. '),
      en: [
        `Direct marketing without a consent (${names('legitimate-interest', 'en')}) unless you have objected: the direct-marketing ban stops it, and the address-disclosure ban or a protected address keeps your address from the mailing house`,
        ...(ownCustomer
          ? [
              `Marketing of Moymore's own similar products to its customers (${names('own-customer', 'en')}) without a consent (Information Society Code 200 § 2) unless you refused it: refuse free in your membership pages, at customer service, with the link in every email or by replying STOP to a text message`,
            ]
          : []),
      ].join('. '),
      basis: 'legitimate-interest',
    },
  } as const satisfies Record<string, Text & { basis: LegalBasis }>;
};

/** Every purpose the register processes for, the marketing ones as the footing of each channel has them. */
export const processingPurposes = (footing: ChannelFooting) => ({
  ...PROCESSING_PURPOSES,
  ...marketingPurposes(footing),
});

/** A purpose the notice lists: not a marketing one no channel rests on. */
export const purposeInUse = (purpose: ProcessingPurpose, footing: ChannelFooting) =>
  purpose !== 'marketing' || channelsOn(footing, 'consent').length > 0;

export const PROCESSING_PURPOSES = {
  membership: {
    fi: 'Kanta-asiakassuhteen hoito: jäsenyys, kortit ja asiakaspalvelu',
    en: 'Running the loyalty membership: membership, cards and customer service',
    basis: 'contract',
  },
  benefits: {
    fi: 'Kanta-asiakasedut kuukausittaisista ostosummista: kuukauden summan porras, etu pyöristettynä alaspäin senttiin, maksetaan kortin tilille',
    en: 'Loyalty benefits from monthly purchase totals: the tier the month’s total reaches, the benefit rounded down to the cent, paid to the card’s account',
    basis: 'contract',
  },
  ...marketingPurposes(CHANNEL_BASIS),
  'customer-service-development': {
    fi: 'Asiakaspalvelun ylläpitäminen ja kehittäminen: rekisterin tilastot, joissa mikään luku ei koske alle viittä jäsentä',
    en: 'Maintaining and developing customer service: the register’s figures, no figure about fewer than five members',
    basis: 'legitimate-interest',
  },
  'address-accuracy': {
    fi: 'Osoitetietojen ajantasaisuus väestötietojärjestelmästä',
    en: 'Keeping addresses current from the population information system',
    basis: 'legitimate-interest',
  },
  accountability: {
    fi: 'Käsittelyn osoitusvelvollisuus: suostumusten todisteet ja lokit',
    en: 'Accountability: proof of consent and access logs',
    basis: 'legal-obligation',
  },
  bookkeeping: {
    fi: 'Kirjanpito: maksettujen etujen tositteet (kirjanpitolaki 2:10 §)',
    en: 'Bookkeeping: the vouchers of benefits paid (Accounting Act 2:10 §)',
    basis: 'legal-obligation',
  },
  operations: {
    fi: 'Eräajojen kirjanpito ilman henkilötietoja',
    en: 'Bookkeeping of the batch jobs, without personal data',
    basis: 'legitimate-interest',
  },
} as const satisfies Record<string, Text & { basis: LegalBasis }>;
export type ProcessingPurpose = keyof typeof PROCESSING_PURPOSES;

/** How long an item type is kept, and what removes it. */
export interface Retention {
  fi: string;
  en: string;
  /** DynamoDB TTL (expiresAt), the retention job, erasure of the member, or for as long as the member exists. */
  by: 'ttl' | 'retention-job' | 'with-member';
  months?: number;
}

const WITH_MEMBER: Retention = {
  fi: 'Jäsenyyden ajan; poistetaan, kun jäsen poistetaan',
  en: 'While the membership lasts; erased with the member',
  by: 'with-member',
};

/** Kept so many months after it was written (TTL); `fi` and `en` say so, or more. */
export const monthsKept = /* @__NO_SIDE_EFFECTS__ */ (
  n: number,
  fi = `${n} kk`,
  en = `${n} months`,
): Retention => ({
  fi,
  en,
  by: 'ttl',
  months: n,
});

/** An item type about a member, as the member is told of it. */
export interface MemberData {
  /** The stored `type` attribute. */
  type: ItemTypeName;
  title: Text;
  purposes: readonly ProcessingPurpose[];
  retention: Retention;
}

/** An item kept for the membership, as long as the member is. */
const forMembership = /* @__NO_SIDE_EFFECTS__ */ (type: ItemTypeName, title: Text): MemberData => ({
  type,
  title,
  purposes: ['membership'],
  retention: WITH_MEMBER,
});

const purchaseMonthsKept = monthsKept(
  config.retention.purchaseMonths,
  `${config.retention.purchaseMonths} kk kuukauden päättymisestä`,
  `${config.retention.purchaseMonths} months after the month ends`,
);

/** Every item type about one member, in the order the export and the privacy notice list them. */
export const MEMBER_DATA = {
  profile: {
    type: 'member',
    title: { fi: 'Jäsenen perustiedot', en: 'The member’s profile' },
    // The figures count members by postal area, age and language: customer service's development.
    purposes: [
      'membership',
      'address-accuracy',
      'marketing',
      'marketing-without-consent',
      'customer-service-development',
    ],
    retention: {
      fi: `Jäsenyyden ajan; tiedot poistetaan ${config.retention.afterMembershipMonths} kk jäsenyyden päättymisestä ja ${config.retention.afterDeathMonths} kk jäsenen kuolemasta, poistopyyntö toteutetaan ${config.retention.erasureRequestDays} päivässä`,
      en: `While the membership lasts; erased ${config.retention.afterMembershipMonths} months after the membership ends and ${config.retention.afterDeathMonths} months after the member's death; an erasure request is carried out within ${config.retention.erasureRequestDays} days`,
      by: 'retention-job',
      months: config.retention.afterDeathMonths,
    },
  },
  uniqueEmail: forMembership('unique-email', {
    fi: 'Sähköpostiosoitteen yksilöivä avain',
    en: 'Email uniqueness key',
  }),
  uniqueMobile: forMembership('unique-mobile', {
    fi: 'Matkapuhelinnumeron yksilöivä avain',
    en: 'Mobile number uniqueness key',
  }),
  uniqueAccount: forMembership('unique-account', {
    fi: 'Jäseneen liitetty kirjautumistili',
    en: 'The sign-in account linked to the member',
  }),
  accountNotice: {
    type: 'account-notice',
    title: {
      fi: 'Lähettämätön ilmoitus kirjautumistilin liittämisestä',
      en: 'A notice about the sign-in account, until it is sent',
    },
    purposes: ['membership'],
    retention: { fi: 'Kunnes lähetetty, enintään vuorokausi', en: 'Until sent, a day at most', by: 'ttl' },
  },
  card: forMembership('card', { fi: 'Kanta-asiakaskortin numero', en: 'Loyalty card number' }),
  legacyNumber: forMembership('legacy-number', {
    fi: 'Asiakasnumero aiemmassa rekisterissä',
    en: 'Customer number in the earlier register',
  }),
  cardOrder: forMembership('card-order', { fi: 'Korttitilaukset', en: 'Card orders' }),
  purchases: {
    type: 'purchases',
    title: {
      fi: 'Kuukausittaiset ostosummat tuoteryhmittäin',
      en: 'Monthly purchase totals per main product group',
    },
    purposes: ['benefits', 'marketing', 'customer-service-development'],
    retention: purchaseMonthsKept,
  },
  statement: {
    type: 'benefit-statement',
    title: { fi: 'Kuukausittaiset etulaskelmat', en: 'Monthly benefit statements' },
    purposes: ['benefits', 'bookkeeping'],
    retention: {
      fi: `${config.retention.bookkeepingYears} vuotta maksuvuoden päättymisestä (tositteet); poistetaan jäsenen poiston yhteydessä, summat jäävät nimettöminä`,
      en: `${config.retention.bookkeepingYears} years from the end of the year paid (vouchers); erased with the member, the sums kept without a name`,
      by: 'ttl',
    },
  },
  payoutLine: {
    type: 'payout-line',
    title: { fi: 'Etujen maksurivit maksukumppanille', en: 'Benefit payout lines for the payment partner' },
    purposes: ['benefits', 'bookkeeping'],
    retention: {
      fi: `${config.retention.bookkeepingYears} vuotta maksuvuoden päättymisestä`,
      en: `${config.retention.bookkeepingYears} years from the end of the year paid`,
      by: 'ttl',
    },
  },
  receipt: {
    type: 'receipt',
    title: {
      fi: 'Laskettujen kuittien tunnisteet (myymälä ja kuitti tiivisteenä)',
      en: 'Identities of counted receipts (store and receipt as a hash)',
    },
    purposes: ['benefits'],
    retention: purchaseMonthsKept,
  },
  consent: {
    type: 'consent',
    title: { fi: 'Voimassa olevat suostumukset ja kiellot', en: 'Current consents and bans' },
    purposes: ['marketing', 'marketing-without-consent', 'accountability'],
    retention: WITH_MEMBER,
  },
  consentEvent: {
    type: 'consent-event',
    title: { fi: 'Suostumusten muutoshistoria', en: 'History of consent changes' },
    purposes: ['accountability'],
    retention: WITH_MEMBER,
  },
  contact: {
    type: 'contact',
    title: { fi: 'Markkinointikontaktit', en: 'Marketing contacts' },
    purposes: ['marketing', 'marketing-without-consent'],
    retention: monthsKept(config.retention.contactMonths),
  },
  audit: {
    type: 'audit',
    title: { fi: 'Loki henkilötietojen käsittelystä', en: 'Log of who read or changed the data' },
    purposes: ['accountability'],
    retention: monthsKept(
      config.retention.auditMonths,
      `${config.retention.auditMonths} kk; lukutapahtumat poistetaan jäsenen poiston yhteydessä`,
      `${config.retention.auditMonths} months; reads are erased with the member`,
    ),
  },
  registrationReplay: {
    type: 'registration-replay',
    title: { fi: 'Rekisteröinnin toistoavain', en: 'Registration replay key' },
    purposes: ['operations'],
    retention: { fi: `${config.idempotencyHours} tuntia`, en: `${config.idempotencyHours} hours`, by: 'ttl' },
  },
  addressLine: {
    type: 'address-line',
    title: { fi: 'Osoitepäivityksen tarkistettavat rivit', en: 'Address update lines to review' },
    purposes: ['address-accuracy'],
    retention: monthsKept(config.retention.reportMonths),
  },
  workItem: {
    type: 'work-item',
    title: { fi: 'Henkilön käsittelyä odottava asia', en: 'Something waiting for a person' },
    purposes: ['membership', 'address-accuracy'],
    retention: {
      fi: 'Kunnes käsitelty, tai jäsenen poistoon asti',
      en: 'Until resolved, or until the member is erased',
      by: 'with-member',
    },
  },
} as const satisfies Record<string, MemberData>;

export const MEMBER_ITEM_TYPES: readonly MemberData[] = Object.values(MEMBER_DATA);
