import { createHash } from 'node:crypto';
import { config } from '../config.ts';
import { CHANNEL_PURPOSE, PURPOSES, type ChannelFooting, type Purpose } from '../consents/purposes.ts';
import { escapeHtml } from './notice.ts';

export type FormLang = 'fi' | 'sv' | 'en';
type Words = Record<FormLang, string>;

/** The form's own words in the three languages a member may be served in. */
const WORDS = {
  title: {
    fi: 'Liittymislomake: Moymoren kanta-asiakasrekisteri',
    sv: 'Anslutningsblankett: Moymores stamkundsregister',
    en: 'Joining form: the Moymore loyalty register',
  },
  print: {
    fi: 'Tulosta tämä sivu selaimen tulostustoiminnolla. Täytä tekstaten.',
    sv: 'Skriv ut sidan med webbläsarens utskriftsfunktion. Fyll i med tydlig text.',
    en: 'Print this page with the browser’s print command. Fill it in in capital letters.',
  },
  you: { fi: 'Henkilötiedot', sv: 'Personuppgifter', en: 'Your details' },
  surname: { fi: 'Sukunimi', sv: 'Efternamn', en: 'Surname' },
  firstNames: { fi: 'Etunimet', sv: 'Förnamn', en: 'First names' },
  streetAddress: { fi: 'Lähiosoite', sv: 'Gatuadress', en: 'Street address' },
  postalCode: { fi: 'Postinumero', sv: 'Postnummer', en: 'Postal code' },
  postOffice: { fi: 'Postitoimipaikka', sv: 'Postanstalt', en: 'Post office' },
  mobile: { fi: 'Matkapuhelin', sv: 'Mobil', en: 'Mobile' },
  phone: { fi: 'Puhelin', sv: 'Telefon', en: 'Phone' },
  email: { fi: 'Sähköposti', sv: 'E-post', en: 'Email' },
  birthDate: { fi: 'Syntymäaika', sv: 'Födelsedatum', en: 'Date of birth' },
  gender: { fi: 'Sukupuoli', sv: 'Kön', en: 'Gender' },
  female: { fi: 'nainen', sv: 'kvinna', en: 'female' },
  male: { fi: 'mies', sv: 'man', en: 'male' },
  other: { fi: 'muu', sv: 'annat', en: 'other' },
  unspecified: { fi: 'en halua kertoa', sv: 'vill inte uppge', en: 'rather not say' },
  language: { fi: 'Asiointikieli', sv: 'Språk', en: 'Language' },
  fi: { fi: 'suomi', sv: 'finska', en: 'Finnish' },
  sv: { fi: 'ruotsi', sv: 'svenska', en: 'Swedish' },
  en: { fi: 'englanti', sv: 'engelska', en: 'English' },
  card: { fi: 'Kortti', sv: 'Kort', en: 'Card' },
  MASTERCARD: { fi: 'MasterCard', sv: 'MasterCard', en: 'MasterCard' },
  CASH_CARD: { fi: 'käteiskortti', sv: 'kontantkort', en: 'cash card' },
  NONE: { fi: 'ei korttia', sv: 'inget kort', en: 'no card' },
  marketing: { fi: 'Markkinointi', sv: 'Marknadsföring', en: 'Marketing' },
  marketingHelp: {
    fi: 'Suostumus ei ole jäsenyyden ehto. Voit muuttaa vastauksiasi milloin tahansa.',
    sv: 'Samtycke är inget villkor för medlemskapet. Du kan ändra dina svar när som helst.',
    en: 'No consent is a condition of membership. You may change your answers at any time.',
  },
  yes: { fi: 'Kyllä', sv: 'Ja', en: 'Yes' },
  noThankYou: { fi: 'Ei kiitos', sv: 'Nej tack', en: 'No, thank you' },
  ownCustomer: {
    fi: 'Moymore voi lähettää omille asiakkailleen tarjouksia omista vastaavista tuotteistaan, ellei asiakas kiellä sitä.',
    sv: 'Moymore får skicka sina egna kunder erbjudanden om egna liknande produkter, om inte kunden förbjuder det.',
    en: 'Moymore may send its own customers offers of its own similar products unless they refuse.',
  },
  bans: { fi: 'Kiellot', sv: 'Förbud', en: 'Bans' },
  notice: { fi: 'Tietosuoja', sv: 'Dataskydd', en: 'Privacy' },
  controller: { fi: 'Rekisterinpitäjä', sv: 'Personuppgiftsansvarig', en: 'Controller' },
  why: {
    fi: 'Tietojasi käytetään kanta-asiakkuuden hoitoon (korttien toimitus, ostojen kuukausiyhteenvedot ja edut), asiakaspalvelun ylläpitoon ja kehittämiseen sekä markkinointiin sen mukaan kuin yllä vastaat.',
    sv: 'Dina uppgifter används för att sköta stamkundskapet (kort, månadssammandrag av köp och förmåner), för att upprätthålla och utveckla kundtjänsten och för marknadsföring enligt dina svar ovan.',
    en: 'Your data is used to run your membership (cards, monthly purchase totals and benefits), to maintain and develop customer service, and for marketing as you answer above.',
  },
  rights: {
    fi: 'Voit tarkastaa, oikaista ja poistaa tietosi, rajoittaa ja vastustaa niiden käsittelyä ja peruuttaa suostumuksesi.',
    sv: 'Du kan granska, rätta och radera dina uppgifter, begränsa och invända mot behandlingen och återkalla ditt samtycke.',
    en: 'You may see, correct and erase your data, restrict and object to its processing, and withdraw a consent.',
  },
  fullNotice: {
    fi: 'Koko tietosuojaseloste',
    sv: 'Hela dataskyddsbeskrivningen (på finska eller engelska)',
    en: 'The full privacy notice',
  },
  askUs: {
    fi: 'saat sen myös asiakaspalvelusta ja myymälöistä.',
    sv: 'du får den också av kundtjänsten och i butikerna.',
    en: 'customer service and the stores also have it.',
  },
  signed: { fi: 'Päiväys ja allekirjoitus', sv: 'Datum och underskrift', en: 'Date and signature' },
  office: { fi: 'Moymore täyttää', sv: 'Fylls i av Moymore', en: 'For Moymore' },
  entered: {
    fi: 'Syötetty rekisteriin (pvm, nimikirjaimet), asiakasnumero',
    sv: 'Införd i registret (datum, initialer), kundnummer',
    en: 'Entered in the register (date, initials), customer number',
  },
} as const satisfies Record<string, Words>;

const PURPOSE_CODES = Object.keys(PURPOSES.purposes) as Purpose[];
const purposeName = (purpose: Purpose, lang: FormLang) => PURPOSES.purposes[purpose][lang];
/** The consents the register asks today (post is no longer asked). */
const ASKED = PURPOSE_CODES.filter((purpose) => {
  const entry = PURPOSES.purposes[purpose];
  return entry.kind === 'consent' && !('asked' in entry && entry.asked === false);
});
const BANS = PURPOSE_CODES.filter((purpose) => PURPOSES.purposes[purpose].kind === 'ban');

/** Purposes whose channel rests on the own-customer exception: the form offers a refusal for them too. */
const refusable = (footing: ChannelFooting): ReadonlySet<Purpose> =>
  new Set(
    Object.entries(CHANNEL_PURPOSE)
      .filter(([channel]) => footing[channel as keyof ChannelFooting] === 'own-customer')
      .map(([, purpose]) => purpose),
  );

const STYLE = `body{font-family:sans-serif;max-width:48rem;margin:1rem auto;color:#000}
.box{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}.line{flex:1 1 20rem;border-bottom:1px solid #000;min-height:2.2rem;padding-top:.2rem}
.tick::before{content:"\\2610\\00a0";font-size:1.2em}ul{list-style:none;padding:0}li{margin:.3rem 0}
fieldset{border:1px solid #000;margin:1rem 0}small{display:block}@media print{.screen{display:none}body{margin:0}}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
/** No script, no outside resources: the one style block is allowed by its hash. */
export const PAPER_FORM_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'`;

/**
 * The paper joining form with its short privacy notice, in Finnish, Swedish or English, for printing:
 * the register description's fields, the consents asked today (a refusal offered where a channel
 * rests on the own-customer exception) and the bans. Customer service enters a signed form with
 * channel `paper` and the form's date.
 */
export function paperFormHtml(lang: FormLang, footing: ChannelFooting): string {
  const w = (key: keyof typeof WORDS) => escapeHtml(WORDS[key][lang]);
  const line = (key: keyof typeof WORDS) => `<div class="line">${w(key)}</div>`;
  const ticks = (label: string, options: (keyof typeof WORDS)[]) =>
    `<p>${label}: ${options.map((o) => `<span class="tick">${w(o)}</span>`).join(' ')}</p>`;
  const refusals = refusable(footing);
  const consents = ASKED.map((purpose) =>
    refusals.has(purpose)
      ? `<li><span class="tick">${w('noThankYou')}: ${escapeHtml(purposeName(purpose, lang))}</span><small>${w('ownCustomer')}</small></li>`
      : `<li><span class="tick">${w('yes')}: ${escapeHtml(purposeName(purpose, lang))}</span></li>`,
  ).join('');
  const bans = BANS.map(
    (purpose) => `<li><span class="tick">${escapeHtml(purposeName(purpose, lang))}</span></li>`,
  ).join('');
  const controller = escapeHtml(
    `${config.controller.name}, ${config.controller.address}, ${config.controller.phone}`,
  );
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${w('title')}</title><style>${STYLE}</style></head>
<body><main>
<h1>${w('title')}</h1>
<p class="screen">${w('print')}</p>
<fieldset><legend>${w('you')}</legend><div class="box">
${line('surname')}${line('firstNames')}${line('streetAddress')}${line('postalCode')}${line('postOffice')}${line('mobile')}${line('phone')}${line('email')}${line('birthDate')}
</div>
${ticks(w('gender'), ['female', 'male', 'other', 'unspecified'])}
${ticks(w('language'), ['fi', 'sv', 'en'])}
${ticks(w('card'), ['MASTERCARD', 'CASH_CARD', 'NONE'])}
</fieldset>
<fieldset><legend>${w('marketing')}</legend><p>${w('marketingHelp')}</p><ul>${consents}</ul></fieldset>
<fieldset><legend>${w('bans')}</legend><ul>${bans}</ul></fieldset>
<section><h2>${w('notice')}</h2>
<p>${w('controller')}: ${controller}</p>
<p>${w('why')}</p>
<p>${w('rights')}</p>
<p><a href="privacy-notice?lang=${lang === 'sv' ? 'fi' : lang}">${w('fullNotice')}</a> (${escapeHtml(PURPOSES.version)}); ${w('askUs')}</p>
</section>
<div class="box">${line('signed')}</div>
<fieldset><legend>${w('office')}</legend><div class="box">${line('entered')}</div></fieldset>
</main></body></html>
`;
}
