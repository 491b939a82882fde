import { EXCHANGE_PREFIXES, type ExchangePrefix } from '../exchange/layout.ts';
import type { ItemTypeName } from './item-types.ts';
import { config } from '../config.ts';
import { PERSONAL_FIELDS } from '../members/member.ts';
import { SEALED_AUDIT_FIELDS } from '../members/audit-chain.ts';

/**
 * The one catalogue of what the register stores: every item type and its fields, why, on what legal
 * basis, from where, to whom, and for how long. The export, erasure, retention and the privacy notice
 * read it, and a test fails when the store writes an item type or field that it does not list.
 */
type Text = { fi: string; en: string };

export const LEGAL_BASES = {
  contract: { fi: 'Sopimus (GDPR 6(1)(b))', en: 'Contract (GDPR 6(1)(b))' },
  consent: { fi: 'Suostumus (GDPR 6(1)(a))', en: 'Consent (GDPR 6(1)(a))' },
  'legitimate-interest': { fi: 'Oikeutettu etu (GDPR 6(1)(f))', en: 'Legitimate interest (GDPR 6(1)(f))' },
  'legal-obligation': { fi: 'Lakisääteinen velvoite (GDPR 6(1)(c))', en: 'Legal obligation (GDPR 6(1)(c))' },
} as const satisfies Record<string, Text>;
export type LegalBasis = keyof typeof LEGAL_BASES;

export const PROCESSING_PURPOSES = {
  membership: {
    fi: 'Kanta-asiakassuhteen hoito: jäsenyys, kortit ja asiakaspalvelu',
    en: 'Running the loyalty membership: membership, cards and customer service',
    basis: 'contract',
  },
  benefits: {
    fi: 'Kanta-asiakasetujen laskeminen kuukausittaisista ostosummista',
    en: 'Loyalty benefits from monthly purchase totals',
    basis: 'contract',
  },
  marketing: {
    fi: 'Suoramarkkinointi suostumusten ja kieltojen mukaan',
    en: 'Direct marketing as consents and bans allow',
    basis: 'consent',
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
  operations: {
    fi: 'Eräajojen kirjanpito ilman henkilötietoja',
    en: 'Bookkeeping of the batch jobs, without personal data',
    basis: 'legitimate-interest',
  },
} as const satisfies Record<string, Text & { basis: LegalBasis }>;
export type ProcessingPurpose = keyof typeof PROCESSING_PURPOSES;

export const SOURCES = {
  member: { fi: 'Jäsen itse', en: 'The member' },
  'customer-service': {
    fi: 'Asiakaspalvelu jäsenen pyynnöstä',
    en: 'Customer service at the member’s request',
  },
  'population-register': {
    fi: 'Väestötietojärjestelmä (DVV:n osoitepalvelukumppani)',
    en: 'The population information system (through a DVV address service partner)',
  },
  tills: { fi: 'Moymoren kassat', en: 'Moymore’s tills' },
  'card-manufacturer': { fi: 'Korttivalmistaja', en: 'The card manufacturer' },
  register: { fi: 'Rekisteri itse', en: 'The register itself' },
  'legacy-register': {
    fi: 'Moymoren aiempi kanta-asiakasrekisteri (2009–), siirretty tähän rekisteriin',
    en: 'Moymore’s earlier loyalty register (2009–), moved into this one',
  },
} as const satisfies Record<string, Text>;

/** The data items the register holds about a member, in the groups of its description. */
export const DATA_ITEMS = [
  {
    title: { fi: 'Henkilötiedot', en: 'Personal data' },
    items: [
      { fi: 'sukunimi', en: 'surname' },
      { fi: 'etunimet', en: 'first names' },
      { fi: 'lähiosoite', en: 'street address' },
      { fi: 'postinumero', en: 'postal code' },
      { fi: 'postitoimipaikka', en: 'post office' },
      { fi: 'matkapuhelin', en: 'mobile' },
      { fi: 'puhelin', en: 'phone' },
      { fi: 'sähköpostiosoite', en: 'email' },
      { fi: 'syntymäaika', en: 'date of birth' },
      { fi: 'sukupuoli', en: 'gender' },
      { fi: 'asiointikieli', en: 'language' },
    ],
  },
  {
    title: { fi: 'Korttitiedot', en: 'Card data' },
    items: [
      { fi: 'asiakasnumero', en: 'customer number' },
      {
        fi: 'valittu kortti (MasterCard / käteiskortti / ei korttia)',
        en: 'chosen card (MasterCard / cash card / no card)',
      },
      {
        fi: 'kortin tila ja numero (MasterCardista vain neljä viimeistä numeroa)',
        en: "the card's state and number (of a MasterCard only the last four digits)",
      },
    ],
  },
  {
    title: { fi: 'Ostotiedot', en: 'Purchase data' },
    items: [
      { fi: 'asiakasnumero', en: 'customer number' },
      { fi: 'ostokuukausi', en: 'purchase month' },
      { fi: 'ostosten yhteissumma pääryhmätasolla', en: 'total sum per main product group' },
    ],
  },
  {
    title: { fi: 'Kanta-asiakasmarkkinoinnin tiedot', en: 'Loyalty marketing data' },
    items: [
      { fi: 'kontaktitiedot', en: 'contacts' },
      { fi: 'tiedot markkinointikampanjoista', en: 'marketing campaigns' },
      { fi: 'suoramarkkinointikielto', en: 'direct-marketing ban' },
      { fi: 'osoitetietojen luovutuskielto', en: 'address-disclosure ban' },
      { fi: 'suostumukset ja niiden historia', en: 'consents and their history' },
    ],
  },
] as const satisfies readonly { title: Text; items: readonly Text[] }[];

export const RECIPIENTS = {
  'card-manufacturer': {
    fi: 'Korttivalmistaja (henkilötietojen käsittelijä): nimi ja osoite korttia varten',
    en: 'The card manufacturer (processor): name and address for the card',
  },
  'address-service': {
    fi: 'Osoitepäivityspalvelu (käsittelijä): nimi, syntymäaika ja osoite tarkistettavaksi',
    en: 'The address update service (processor): name, date of birth and address to check',
  },
  'mailing-house': {
    fi: 'Postitustalo (käsittelijä): nimi ja osoite postikampanjaa varten, vain suostumuksen antaneilta',
    en: 'The mailing house (processor): name and address for a postal campaign, of consenting members only',
  },
  'it-processor': {
    fi: `${config.controller.itProcessor} (käsittelijä): rekisterin tekninen ylläpito nimetyin tunnuksin`,
    en: `${config.controller.itProcessor} (processor): runs the register, by designated user IDs`,
  },
  aws: {
    fi: 'Amazon Web Services EMEA (käsittelijä): tallennus EU:ssa (eu-north-1)',
    en: 'Amazon Web Services EMEA (processor): storage in the EU (eu-north-1)',
  },
} as const satisfies Record<string, Text>;
export type Recipient = keyof typeof RECIPIENTS;

/** How long an item type is kept, and what removes it. */
export interface Retention {
  fi: string;
  en: string;
  /** DynamoDB TTL (expiresAt), the retention job, erasure of the member, or for as long as the member exists. */
  by: 'ttl' | 'retention-job' | 'with-member';
  months?: number;
}

const withMember: Retention = {
  fi: 'Jäsenyyden ajan; poistetaan, kun jäsen poistetaan',
  en: 'While the membership lasts; erased with the member',
  by: 'with-member',
};

export interface ItemType {
  /** The stored `type` attribute. */
  type: ItemTypeName;
  /** Other types the same item takes for a while (the profile while its erasure runs). */
  alsoStoredAs?: readonly ItemTypeName[];
  title: Text;
  /** Whether the item is about one member (in the export, erased with them). */
  aboutMember: boolean;
  purposes: readonly ProcessingPurpose[];
  sources: readonly (keyof typeof SOURCES)[];
  recipients: readonly Recipient[];
  retention: Retention;
  /** What erasure does with it: the profile becomes the tombstone; 'keep' is for items about no one. */
  onErasure: 'delete' | 'anonymise' | 'tombstone' | 'keep';
  /** Every attribute it may have besides storage keys; a trailing * names a family (group_food, group_fuel, …). */
  fields: readonly string[];
}

const months = (n: number, fi: string, en: string): Retention => ({ fi, en, by: 'ttl', months: n });
/** An email or mobile number's uniqueness key: it names the member and goes with them. */
const uniqueKey = (type: ItemTypeName, title: Text): ItemType => ({
  type,
  title,
  aboutMember: true,
  purposes: ['membership'],
  sources: ['member', 'customer-service'],
  recipients: ['aws'],
  retention: withMember,
  onErasure: 'delete',
  fields: ['customerNumber'],
});
const PURCHASE_MONTHS_KEPT = months(
  config.retention.purchaseMonths,
  `${config.retention.purchaseMonths} kk kuukauden päättymisestä`,
  `${config.retention.purchaseMonths} months after the month ends`,
);
const AUDIT_FIELDS = [...SEALED_AUDIT_FIELDS, 'hash'];
const CONSENT_FIELDS = ['purpose', 'granted', 'source', 'noticeVersion', 'at', 'actor'];

/** Records of the jobs and campaigns: no personal data, listed so that nothing unlisted is ever stored. */
const OPERATIONAL_FIELDS = {
  campaign: [
    'campaignId',
    'name',
    'channel',
    'purpose',
    'criteria',
    'createdAt',
    'createdBy',
    'status',
    'summary',
    'computedAt',
    'exportKey',
  ],
  'card-batch': [
    'batchId',
    'transmissionReference',
    'createdAt',
    'status',
    'key',
    'records',
    'deliveredAt',
    'bytes',
    'sha256',
  ],
  'job-counter': ['reference'],
  'job-pointer': ['batchId'],
  'address-file': [
    'key',
    'status',
    'startedAt',
    'fileId',
    'referenceDate',
    'details',
    'next',
    'counts',
    'reason',
    'finishedAt',
    'report',
  ],
  'address-file-id': ['key'],
  'job-lease': ['lease', 'until'],
  'job-run': ['job', 'startedAt', 'finishedAt', 'outcome', 'summary', 'requestedBy'],
  'legacy-import': [
    'exportId',
    'status',
    'startedAt',
    'phase',
    'next',
    'members',
    'purchases',
    'reason',
    'finishedAt',
    'report',
  ],
} as const satisfies Partial<Record<ItemTypeName, readonly string[]>>;

export const CATALOGUE: readonly ItemType[] = [
  {
    type: 'member',
    alsoStoredAs: ['erasing'],
    title: { fi: 'Jäsenen perustiedot', en: 'The member’s profile' },
    aboutMember: true,
    purposes: ['membership', 'address-accuracy', 'marketing'],
    sources: ['member', 'customer-service', 'population-register', 'card-manufacturer', 'legacy-register'],
    recipients: ['card-manufacturer', 'address-service', 'mailing-house', 'it-processor', 'aws'],
    retention: {
      fi: `Jäsenyyden ajan; tiedot poistetaan ${config.retention.afterMembershipMonths} kk jäsenyyden päättymisestä ja ${config.retention.afterDeathMonths} kk jäsenen kuolemasta, poistopyyntö toteutetaan ${config.retention.erasureRequestDays} päivässä`,
      en: `While the membership lasts; erased ${config.retention.afterMembershipMonths} months after the membership ends and ${config.retention.afterDeathMonths} months after the member's death; an erasure request is carried out within ${config.retention.erasureRequestDays} days`,
      by: 'retention-job',
      months: config.retention.afterDeathMonths,
    },
    onErasure: 'tombstone',
    fields: [
      'customerNumber',
      'legacyNumber',
      ...PERSONAL_FIELDS,
      'consents',
      'card',
      'flags',
      'deceasedOn',
      'erasureRequestedAt',
      'membershipEndedAt',
      'erasingSince',
      'account',
      'addressRefresh',
      'sources',
      'version',
      'createdAt',
      'updatedAt',
    ],
  },
  uniqueKey('unique-email', { fi: 'Sähköpostiosoitteen yksilöivä avain', en: 'Email uniqueness key' }),
  uniqueKey('unique-mobile', {
    fi: 'Matkapuhelinnumeron yksilöivä avain',
    en: 'Mobile number uniqueness key',
  }),
  {
    ...uniqueKey('unique-account', {
      fi: 'Jäseneen liitetty kirjautumistili',
      en: 'The sign-in account linked to the member',
    }),
    sources: ['member'],
  },
  {
    type: 'link-attempts',
    title: {
      fi: 'Tilin liittämisyritykset kortin numerolla ja syntymäajalla',
      en: 'Attempts to link an account by card number and birth date',
    },
    aboutMember: false,
    purposes: ['membership'],
    sources: ['member'],
    recipients: ['aws'],
    retention: { fi: 'Tunnin viimeisestä yrityksestä', en: 'An hour after the last attempt', by: 'ttl' },
    onErasure: 'keep',
    fields: ['attempts'],
  },
  {
    type: 'card',
    title: { fi: 'Kanta-asiakaskortin numero', en: 'Loyalty card number' },
    aboutMember: true,
    purposes: ['membership'],
    sources: ['card-manufacturer'],
    recipients: ['aws'],
    retention: withMember,
    onErasure: 'delete',
    fields: ['customerNumber', 'cardType', 'since', 'blockedAt'],
  },
  {
    type: 'legacy-number',
    title: { fi: 'Asiakasnumero aiemmassa rekisterissä', en: 'Customer number in the earlier register' },
    aboutMember: true,
    purposes: ['membership'],
    sources: ['legacy-register'],
    recipients: ['aws'],
    retention: withMember,
    onErasure: 'delete',
    fields: ['customerNumber'],
  },
  {
    type: 'card-order',
    title: { fi: 'Korttitilaukset', en: 'Card orders' },
    aboutMember: true,
    purposes: ['membership'],
    sources: ['member', 'customer-service', 'card-manufacturer'],
    recipients: ['card-manufacturer', 'aws'],
    retention: withMember,
    onErasure: 'delete',
    fields: [
      'customerNumber',
      'orderedAt',
      'cardType',
      'orderType',
      'status',
      'batchId',
      'sequence',
      'row',
      'batchedAt',
      'appliedAcks',
      'cancelledAt',
      'cancelReason',
      'producedAt',
      'shippedAt',
      'rejectedAt',
      'returnedAt',
      'reason',
      'cardNumber',
    ],
  },
  {
    type: 'purchases',
    title: {
      fi: 'Kuukausittaiset ostosummat tuoteryhmittäin',
      en: 'Monthly purchase totals per main product group',
    },
    aboutMember: true,
    purposes: ['benefits', 'marketing'],
    sources: ['tills'],
    recipients: ['aws'],
    retention: PURCHASE_MONTHS_KEPT,
    onErasure: 'anonymise',
    fields: ['receipts', 'receiptTags', 'group_*'],
  },
  {
    type: 'receipt',
    title: {
      fi: 'Laskettujen kuittien tunnisteet (myymälä ja kuitti tiivisteenä)',
      en: 'Identities of counted receipts (store and receipt as a hash)',
    },
    aboutMember: true,
    purposes: ['benefits'],
    sources: ['tills'],
    recipients: ['aws'],
    retention: PURCHASE_MONTHS_KEPT,
    // Erased with the purchase month that lists it.
    onErasure: 'delete',
    fields: ['customerNumber', 'month'],
  },
  {
    type: 'consent',
    title: { fi: 'Voimassa olevat suostumukset ja kiellot', en: 'Current consents and bans' },
    aboutMember: true,
    purposes: ['marketing', 'accountability'],
    sources: ['member', 'customer-service'],
    recipients: ['aws'],
    retention: withMember,
    onErasure: 'delete',
    fields: CONSENT_FIELDS,
  },
  {
    type: 'consent-event',
    title: { fi: 'Suostumusten muutoshistoria', en: 'History of consent changes' },
    aboutMember: true,
    purposes: ['accountability'],
    sources: ['member', 'customer-service'],
    recipients: ['aws'],
    retention: withMember,
    onErasure: 'delete',
    fields: [...CONSENT_FIELDS, 'previously'],
  },
  {
    type: 'contact',
    title: { fi: 'Markkinointikontaktit', en: 'Marketing contacts' },
    aboutMember: true,
    purposes: ['marketing'],
    sources: ['register'],
    recipients: ['aws'],
    retention: months(
      config.retention.contactMonths,
      `${config.retention.contactMonths} kk`,
      `${config.retention.contactMonths} months`,
    ),
    onErasure: 'delete',
    fields: ['campaignId', 'channel', 'at'],
  },
  {
    type: 'audit',
    title: { fi: 'Loki henkilötietojen käsittelystä', en: 'Log of who read or changed the data' },
    aboutMember: true,
    purposes: ['accountability'],
    sources: ['register'],
    recipients: ['aws'],
    retention: months(
      config.retention.auditMonths,
      `${config.retention.auditMonths} kk; lukutapahtumat poistetaan jäsenen poiston yhteydessä`,
      `${config.retention.auditMonths} months; reads are erased with the member`,
    ),
    onErasure: 'delete',
    fields: AUDIT_FIELDS,
  },
  {
    type: 'registration-replay',
    title: { fi: 'Rekisteröinnin toistoavain', en: 'Registration replay key' },
    aboutMember: true,
    purposes: ['operations'],
    sources: ['register'],
    recipients: ['aws'],
    retention: { fi: `${config.idempotencyHours} tuntia`, en: `${config.idempotencyHours} hours`, by: 'ttl' },
    onErasure: 'delete',
    fields: ['customerNumber', 'fingerprint'],
  },
  {
    type: 'address-line',
    title: { fi: 'Osoitepäivityksen tarkistettavat rivit', en: 'Address update lines to review' },
    aboutMember: true,
    purposes: ['address-accuracy'],
    sources: ['population-register'],
    recipients: ['aws'],
    retention: months(
      config.retention.reportMonths,
      `${config.retention.reportMonths} kk`,
      `${config.retention.reportMonths} months`,
    ),
    onErasure: 'delete',
    fields: ['line', 'customerNumber', 'outcome', 'reason', 'proposed'],
  },
  {
    type: 'erased',
    title: { fi: 'Poistomerkintä (ei henkilötietoja)', en: 'Erasure record (no personal data)' },
    aboutMember: false,
    purposes: ['accountability'],
    sources: ['register'],
    recipients: ['aws'],
    retention: {
      fi: 'Pysyvästi: asiakasnumeroa ei käytetä uudelleen',
      en: 'For good: a customer number is never reused',
      by: 'with-member',
    },
    onErasure: 'keep',
    fields: ['customerNumber', 'erasedAt', 'erasedBy', 'role', 'reason', 'requestedAt', 'erased'],
  },
  {
    type: 'work-item',
    title: { fi: 'Henkilön käsittelyä odottava asia', en: 'Something waiting for a person' },
    aboutMember: true,
    purposes: ['membership', 'address-accuracy'],
    sources: ['register', 'population-register', 'card-manufacturer'],
    recipients: ['aws'],
    retention: {
      fi: 'Kunnes käsitelty, tai jäsenen poistoon asti',
      en: 'Until resolved, or until the member is erased',
      by: 'with-member',
    },
    onErasure: 'delete',
    fields: ['queue', 'customerNumber', 'since', 'ref', 'reason', 'proposed'],
  },
  {
    type: 'search-log',
    title: { fi: 'Loki henkilökunnan hauista', en: 'Log of staff searches' },
    // Names the members a search listed by customer number only: kept like the tombstone's number.
    aboutMember: false,
    purposes: ['accountability'],
    sources: ['register'],
    recipients: ['aws'],
    retention: months(
      config.retention.auditMonths,
      `${config.retention.auditMonths} kk`,
      `${config.retention.auditMonths} months`,
    ),
    onErasure: 'keep',
    fields: ['actor', 'role', 'via', 'purpose', 'requestId', 'at', 'criteria', 'listed'],
  },
  {
    type: 'anonymous-purchases',
    title: { fi: 'Nimettömät ostosummat raportointiin', en: 'Anonymous purchase totals for reporting' },
    aboutMember: false,
    purposes: ['benefits'],
    sources: ['register'],
    recipients: ['aws'],
    retention: months(
      config.retention.purchaseMonths,
      `${config.retention.purchaseMonths} kk`,
      `${config.retention.purchaseMonths} months`,
    ),
    onErasure: 'keep',
    fields: ['month', 'receipts', 'members', 'group_*'],
  },
  {
    type: 'statistics',
    title: { fi: 'Rekisterin tilastot', en: 'The register’s statistics' },
    aboutMember: false,
    purposes: ['marketing', 'operations'],
    sources: ['register'],
    recipients: ['aws'],
    retention: {
      fi: 'Seuraavaan yölliseen ajoon; luvut eivät kuvaa alle viittä jäsentä',
      en: 'Until the next nightly run; no figure describes fewer than five members',
      by: 'retention-job',
    },
    onErasure: 'keep',
    fields: ['report', 'computedAt', 'tables'],
  },
  {
    type: 'job-request',
    title: { fi: 'Pyyntö käynnistää eräajo', en: 'A request to start a job' },
    aboutMember: false,
    purposes: ['operations'],
    sources: ['register'],
    recipients: ['aws'],
    retention: { fi: 'Vuorokausi', en: 'A day', by: 'ttl' },
    onErasure: 'keep',
    // The input names a campaign at most; who asked is a staff user ID.
    fields: ['job', 'input', 'requestedBy', 'requestedAt'],
  },
  ...(Object.keys(OPERATIONAL_FIELDS) as (keyof typeof OPERATIONAL_FIELDS)[]).map((type): ItemType => ({
    type,
    title: { fi: `Eräajon tai kampanjan tieto (${type})`, en: `Job or campaign record (${type})` },
    aboutMember: false,
    purposes: type === 'campaign' ? ['marketing'] : ['operations'],
    sources: ['register'],
    recipients: ['aws'],
    retention: months(
      config.retention.reportMonths,
      `${config.retention.reportMonths} kk`,
      `${config.retention.reportMonths} months`,
    ),
    onErasure: 'keep',
    fields: OPERATIONAL_FIELDS[type],
  })),
];

/** The item types about one member, as the export and erasure walk them. */
export const MEMBER_ITEM_TYPES = CATALOGUE.filter((item) => item.aboutMember);

export const itemType = (type: string): ItemType | undefined =>
  CATALOGUE.find((item) => item.type === type || item.alsoStoredAs?.includes(type as ItemTypeName));

/** Whether a stored attribute is one the catalogue lists for its item type. */
export function isCatalogued(item: ItemType, field: string): boolean {
  return item.fields.some((known) =>
    known.endsWith('*') ? field.startsWith(known.slice(0, -1)) : known === field,
  );
}

const exchangeFile = (prefix: ExchangePrefix, personal: boolean) => ({
  prefix,
  expiresAfterDays: personal ? config.retention.exchangeFileDays : config.retention.reportMonths * 31,
});
const X = EXCHANGE_PREFIXES;
/** Files in the exchange bucket, by prefix: those with personal data expire after days, reports (customer numbers only) after months. */
export const EXCHANGE_FILES = [
  exchangeFile(X.cardBatches, true),
  exchangeFile(X.cardAcks, true),
  exchangeFile(X.addressUpdates, true),
  exchangeFile(X.addressExtracts, true),
  exchangeFile(X.marketingExports, true),
  exchangeFile(X.legacyExports, true),
  exchangeFile(X.cardAckReports, false),
  exchangeFile(X.addressReports, false),
  exchangeFile(X.legacyReports, false),
];
