import { config } from '../config.ts';
import type { Text } from './member-data.ts';

// The privacy notice's words for where the data comes from, what it holds and whom it goes to: the
// catalogue's entries name their sources and recipients by these keys.

export const SOURCES = {
  member: { fi: 'Jäsen itse', en: 'The member' },
  'payment-partner': {
    fi: 'Maksukumppanin vastaukset maksuihin',
    en: 'The payment partner’s answers to payouts',
  },
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
  'payment-partner': {
    fi: 'Maksukumppani (käsittelijä): asiakasnumero, kortin tunniste ja maksettava etu, ei muita tietoja',
    en: 'The payment partner (processor): customer number, card reference and the benefit to pay, nothing else',
  },
  'mailing-house': {
    fi: 'Postitustalo (käsittelijä): nimi ja osoite postikampanjaa varten, ei suoramarkkinointikiellon, osoitteiden luovutuskiellon tai turvakiellon asettaneilta',
    en: 'The mailing house (processor): name and address for a postal campaign, never of members with the direct-marketing ban, the address-disclosure ban or a protected address',
  },
  'it-processor': {
    fi: `${config.controller.itProcessor} (käsittelijä): rekisterijärjestelmän tekninen ylläpito ja Moymoren esittämien ylläpitotehtävien suoritus nimetyin tunnuksin; kanta-asiakaskorttien valmistuksessa tarvittavat tiedot`,
    en: `${config.controller.itProcessor} (processor): the register's technical upkeep and the maintenance tasks Moymore assigns, by designated user IDs; the data needed to make the loyalty cards`,
  },
  aws: {
    fi: 'Amazon Web Services EMEA (käsittelijä): tallennus ja käsittely rekisterin alueella (ks. siirrot)',
    en: 'Amazon Web Services EMEA (processor): storage and processing in the register’s region (see transfers)',
  },
} as const satisfies Record<string, Text>;
export type Recipient = keyof typeof RECIPIENTS;
