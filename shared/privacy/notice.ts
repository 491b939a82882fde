import { config } from '../config.ts';
import { PURPOSES } from '../consents/purposes.ts';
import { CATALOGUE } from './catalogue.ts';
import { DATA_ITEMS, RECIPIENTS, SOURCES } from './notice-terms.ts';
import { LEGAL_BASES, processingPurposes, purposeInUse, type ProcessingPurpose } from './member-data.ts';
import type { ChannelFooting } from '../consents/purposes.ts';
import { isEeaRegion, regionName, type DataLocation } from './data-location.ts';

export type Lang = 'fi' | 'en';

const HEADINGS = {
  controller: { fi: 'Rekisterinpitäjä', en: 'Controller' },
  purposes: { fi: 'Käsittelyn tarkoitukset ja oikeusperusteet', en: 'Purposes and legal bases' },
  content: { fi: 'Rekisterin tietosisältö', en: 'What the register holds' },
  records: { fi: 'Tallennetut tietoryhmät', en: 'How the data is stored' },
  sources: { fi: 'Säännönmukaiset tietolähteet', en: 'Where the data comes from' },
  recipients: { fi: 'Tietojen vastaanottajat', en: 'Recipients' },
  transfers: { fi: 'Siirrot EU:n ja ETA:n ulkopuolelle', en: 'Transfers outside the EU and EEA' },
  protection: { fi: 'Rekisterin suojaus', en: 'How the data is protected' },
  retention: { fi: 'Säilytysajat', en: 'How long the data is kept' },
  rights: { fi: 'Rekisteröidyn oikeudet', en: 'Your rights' },
} as const;

const TEXT = {
  title: {
    fi: 'Moymoren kanta-asiakasrekisterin tietosuojaseloste',
    en: 'Privacy notice of the Moymore loyalty register',
  },
  protection: {
    fi: `Henkilötietoja näkevät ja muuttavat vain erikseen nimetyt Moymore Oy:n ja ${config.controller.itProcessor}:n henkilöt omilla, erikseen myönnetyillä tunnuksillaan; tietojen käsittely on luottamuksellista, ja jokainen henkilökunnan luku ja muutos kirjataan muuttumattomaan lokiin. Tiedot salataan levossa (KMS) ja siirrossa (TLS). Rajapintaa suojaavat pilvipalveluntarjoajan palomuurit ja palvelunestosuojaus (AWS Shield Standard) sekä pyyntömäärien rajoitus.`,
    en: `Only separately designated people of Moymore Oy and ${config.controller.itProcessor} see or change personal data, each with a user ID granted separately; the data is handled in confidence, and every staff read and change is written to a tamper-evident log. Data is encrypted at rest (KMS) and in transit (TLS). The cloud provider's firewalls and denial-of-service protection (AWS Shield Standard) and request rate limits protect the API.`,
  },
  paper: {
    fi: 'Manuaalinen aineisto säilytetään lukitussa tilassa ja hävitetään käsittelyn jälkeen.',
    en: 'Paper material is kept in a locked room and destroyed after it has been processed.',
  },
  rights: {
    fi: 'Voit tarkastaa ja saada tietosi koneluettavassa muodossa, oikaista ne, rajoittaa niiden käsittelyä, vastustaa suoramarkkinointia, peruuttaa suostumuksesi milloin tahansa ja pyytää tietojesi poistamista. Voit tehdä valituksen tietosuojavaltuutetulle (tietosuoja.fi).',
    en: 'You may see your data and get it in a machine-readable form, have it corrected, restrict its processing, object to direct marketing, withdraw a consent at any time, and ask for your data to be erased. You may complain to the Data Protection Ombudsman (tietosuoja.fi).',
  },
} as const;

/** Where the data is, from the deployment: a region outside the EU/EEA is named with the safeguard of its transfer. */
function transfers(location: DataLocation): Record<Lang, string> {
  const region = regionName(location.region);
  if (isEeaRegion(location.region))
    return {
      fi: `Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle. Tiedot tallennetaan AWS-alueelle ${region}.`,
      en: `No data is transferred outside the EU or EEA. The data is stored in the AWS region ${region}.`,
    };
  return {
    fi: `Tiedot tallennetaan AWS-alueelle ${region}, joka on EU:n ja ETA:n ulkopuolella. Siirron perusteena on: ${location.outsideEeaSafeguard}.`,
    en: `The data is stored in the AWS region ${region}, outside the EU and EEA. The transfer rests on: ${location.outsideEeaSafeguard}.`,
  };
}

function premises(location: DataLocation): Record<Lang, string> {
  const where = isEeaRegion(location.region)
    ? { fi: 'EU:ssa, alueella', en: 'in the EU, region' }
    : { fi: 'alueella', en: 'in the region' };
  const region = regionName(location.region);
  return {
    fi: `Palvelimet ovat pilvipalveluntarjoajan (Amazon Web Services) lukituissa, vartioiduissa ja fyysisesti suojatuissa konesaleissa ${where.fi} ${region}.`,
    en: `The servers are in the cloud provider's (Amazon Web Services) locked, guarded and physically protected data centres ${where.en} ${region}.`,
  };
}

/**
 * The privacy notice as data: every section read from the catalogue, the configuration, where the
 * register runs and the footing of each marketing channel (the admin's settings).
 */
export function privacyNotice(lang: Lang, location: DataLocation, footing: ChannelFooting) {
  const purposes = processingPurposes(footing);
  return {
    title: TEXT.title[lang],
    noticeVersion: PURPOSES.version,
    language: lang,
    sections: [
      {
        id: 'controller',
        heading: HEADINGS.controller[lang],
        items: [
          config.controller.name,
          `${config.controller.registerName[lang]}`,
          `${lang === 'fi' ? 'Rekisteriasioista vastaava henkilö ja yhteyshenkilö' : 'Person responsible and contact'}: ${config.controller.contactPerson}, ${config.controller.name}, ${config.controller.address}, ${lang === 'fi' ? 'puhelin' : 'phone'} ${config.controller.phone}`,
        ],
      },
      {
        id: 'purposes',
        heading: HEADINGS.purposes[lang],
        items: (Object.keys(purposes) as ProcessingPurpose[])
          .filter((purpose) => purposeInUse(purpose, footing))
          .map((purpose) => `${purposes[purpose][lang]}: ${LEGAL_BASES[purposes[purpose].basis][lang]}`),
      },
      {
        id: 'content',
        heading: HEADINGS.content[lang],
        items: DATA_ITEMS.map(
          (group) => `${group.title[lang]}: ${group.items.map((item) => item[lang]).join(', ')}`,
        ),
      },
      {
        id: 'records',
        heading: HEADINGS.records[lang],
        items: CATALOGUE.filter((item) => item.aboutMember).map((item) => item.title[lang]),
      },
      { id: 'sources', heading: HEADINGS.sources[lang], items: Object.values(SOURCES).map((s) => s[lang]) },
      {
        id: 'recipients',
        heading: HEADINGS.recipients[lang],
        items: Object.values(RECIPIENTS).map((r) => r[lang]),
      },
      { id: 'transfers', heading: HEADINGS.transfers[lang], items: [transfers(location)[lang]] },
      {
        id: 'protection',
        heading: HEADINGS.protection[lang],
        items: [TEXT.protection[lang], TEXT.paper[lang], premises(location)[lang]],
      },
      {
        id: 'retention',
        heading: HEADINGS.retention[lang],
        items: CATALOGUE.filter((item) => item.aboutMember).map(
          (item) => `${item.title[lang]}: ${item.retention[lang]}`,
        ),
      },
      { id: 'rights', heading: HEADINGS.rights[lang], items: [TEXT.rights[lang]] },
    ],
  };
}

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const PAPER_FORM_LINKS: Record<Lang, string> = {
  fi: 'Tulostettava liittymislomake:',
  en: 'The joining form, to print:',
};

/** The same notice as a plain, accessible HTML page. */
export function noticeHtml(notice: ReturnType<typeof privacyNotice>): string {
  const sections = notice.sections
    .map(
      (s) =>
        `<section id="${s.id}"><h2>${escapeHtml(s.heading)}</h2><ul>${s.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></section>`,
    )
    .join('\n');
  return `<!doctype html>\n<html lang="${notice.language}"><head><meta charset="utf-8"><title>${escapeHtml(notice.title)}</title></head>\n<body><h1>${escapeHtml(notice.title)}</h1>\n${sections}\n<p>${PAPER_FORM_LINKS[notice.language]} <a href="paper-form?lang=fi">suomi</a> · <a href="paper-form?lang=sv">svenska</a> · <a href="paper-form?lang=en">English</a></p>\n<p>${escapeHtml(notice.noticeVersion)}</p></body></html>\n`;
}

/** Records of processing activities (Art. 30(1)), one per purpose, from the same catalogue. */
export function recordsOfProcessing(location: DataLocation, footing: ChannelFooting) {
  return {
    controller: config.controller,
    location: { region: location.region, insideEea: isEeaRegion(location.region) },
    activities: Object.entries(processingPurposes(footing))
      .filter(([purpose]) => purposeInUse(purpose as ProcessingPurpose, footing))
      .map(([purpose, p]) => {
        const items = CATALOGUE.filter((item) => (item.purposes as readonly string[]).includes(purpose));
        return {
          purpose,
          description: { fi: p.fi, en: p.en },
          legalBasis: LEGAL_BASES[p.basis],
          dataSubjects: items.some((item) => item.aboutMember) ? ['loyalty members'] : [],
          categories: items.map((item) => ({
            type: item.type,
            title: item.title,
            fields: item.fields,
            retention: item.retention,
          })),
          sources: [...new Set(items.flatMap((item) => item.sources))],
          recipients: [...new Set(items.flatMap((item) => item.recipients))],
          transfersOutsideEea: isEeaRegion(location.region)
            ? 'none'
            : { region: location.region, safeguard: location.outsideEeaSafeguard },
          security: TEXT.protection,
        };
      }),
  };
}
