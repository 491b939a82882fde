import { describe, expect, it } from 'vitest';
import { privacyNotice, recordsOfProcessing } from '../../shared/privacy/notice.ts';
import { DEFAULT_REGION } from '../../shared/privacy/data-location.ts';
import {
  CHANNEL_BASIS,
  footingOf,
  PUBLISHED_NOTICE_VERSIONS,
  type ChannelFooting,
} from '../../shared/consents/purposes.ts';

/**
 * The facts of the register description the register was started from (../shared/seed/, 2009),
 * which the notice must still carry, brought up to GDPR: who answers for it, its name, the
 * processor, how paper and servers are protected, and every data item.
 */
const DESCRIPTION_FACTS = {
  fi: [
    'Moymore Oy',
    'Leena Glans',
    'Porvoontie 24',
    '07150 Laukkoski',
    '041 5398001',
    'Moymore Oy:n kanta-asiakasrekisteri',
    'Internet-Palvelut.fi SM',
    'lukitussa tilassa',
    'hävitetään käsittelyn jälkeen',
    'lukituissa, vartioiduissa ja fyysisesti suojatuissa konesaleissa EU:ssa',
    'eu-north-1',
    'palomuurit',
    'erikseen myönnetyillä tunnuksillaan',
    'sukunimi',
    'etunimet',
    'lähiosoite',
    'postinumero',
    'postitoimipaikka',
    'matkapuhelin',
    'puhelin',
    'sähköpostiosoite',
    'syntymäaika',
    'sukupuoli',
    'asiakasnumero',
    'valittu kortti (MasterCard / käteiskortti / ei korttia)',
    'ostokuukausi',
    'ostosten yhteissumma pääryhmätasolla',
    'kontaktitiedot',
    'tiedot markkinointikampanjoista',
    'suoramarkkinointikielto',
    'osoitetietojen luovutuskielto',
    'väestötietojärjestelmä',
    // The register's purposes and regular disclosures, as the description words them.
    'asiakaspalvelun ylläpitäminen ja kehittäminen',
    'rekisterijärjestelmän tekninen ylläpito ja moymoren esittämien ylläpitotehtävien suoritus',
    'kanta-asiakaskorttien valmistuksessa tarvittavat tiedot',
    'kanta-asiakasedut kuukausittaisista ostosummista',
  ],
  en: [
    'Leena Glans',
    'Porvoontie 24, 07150 Laukkoski',
    '041 5398001',
    'The loyalty customer register of Moymore Oy',
    'Internet-Palvelut.fi SM',
    'locked room and destroyed after it has been processed',
    'data centres in the EU, region eu-north-1',
    'gender',
    'date of birth',
    'chosen card (MasterCard / cash card / no card)',
    'total sum per main product group',
    'direct-marketing ban',
    'address-disclosure ban',
    'developing customer service',
    'the maintenance tasks moymore assigns',
    'the data needed to make the loyalty cards',
    'loyalty benefits from monthly purchase totals',
  ],
} as const;

describe('the figures’ purpose', () => {
  it('is developing customer service on legitimate interest, not a marketing consent', () => {
    const purposes = privacyNotice('en', { region: DEFAULT_REGION }, CHANNEL_BASIS).sections.find(
      (section) => section.id === 'purposes',
    )!.items as string[];
    expect(purposes).toContainEqual(
      expect.stringMatching(
        /^Maintaining and developing customer service: the register’s figures.*: Legitimate interest/,
      ),
    );
    const activity = recordsOfProcessing({ region: DEFAULT_REGION }, CHANNEL_BASIS).activities.find(
      (a) => a.purpose === 'customer-service-development',
    )!;
    expect(activity.categories.map((c) => c.type)).toEqual(
      expect.arrayContaining(['member', 'purchases', 'statistics']),
    );
    const marketing = recordsOfProcessing({ region: DEFAULT_REGION }, CHANNEL_BASIS).activities.find(
      (a) => a.purpose === 'marketing',
    )!;
    expect(marketing.categories.map((c) => c.type)).not.toContain('statistics');
  });
});

describe('the privacy notice says what the register description says', () => {
  it.each(['fi', 'en'] as const)('in %s', (lang) => {
    const text = JSON.stringify(privacyNotice(lang, { region: DEFAULT_REGION }, CHANNEL_BASIS)).toLowerCase();
    const missing = DESCRIPTION_FACTS[lang].filter((fact) => !text.includes(fact.toLowerCase()));
    expect(missing).toEqual([]);
  });
});

describe('the notice names each marketing channel’s footing, from the table the audiences obey', () => {
  it('letters on legitimate interest unless the member objects; email and text messages on consent', () => {
    const purposes = privacyNotice('en', { region: DEFAULT_REGION }, CHANNEL_BASIS).sections.find(
      (section) => section.id === 'purposes',
    )!.items as string[];
    expect(purposes).toContainEqual(
      expect.stringMatching(/^Direct marketing with your consent \(email, text message\).*: Consent/),
    );
    expect(purposes).toContainEqual(
      expect.stringMatching(
        /^Direct marketing without a consent \(letter\) unless you have objected.*: Legitimate interest/,
      ),
    );
    // Every channel is named once, under the footing CHANNEL_BASIS gives it.
    for (const [channel, basis] of Object.entries(CHANNEL_BASIS)) {
      const name = { email: 'email', sms: 'text message', post: 'letter' }[channel]!;
      const naming = purposes.filter((item) => item.startsWith('Direct marketing') && item.includes(name));
      expect(naming).toHaveLength(1);
      expect(naming[0]).toContain(basis === 'consent' ? 'Consent (GDPR 6(1)(a))' : 'Legitimate interest');
    }
  });

  it('from the admin’s settings: a channel on the own-customer exception named under it, with the free way to refuse', () => {
    const purposesUnder = (footing: ChannelFooting) =>
      privacyNotice('en', { region: DEFAULT_REGION }, footing).sections.find(
        (section) => section.id === 'purposes',
      )!.items as string[];
    const emailOnly = purposesUnder(footingOf({ ownCustomerException: { email: true, sms: false } }));
    expect(emailOnly).toContainEqual(
      expect.stringMatching(/^Direct marketing with your consent \(text message\).*: Consent/),
    );
    expect(emailOnly).toContainEqual(
      expect.stringMatching(
        /Marketing of Moymore's own similar products to its customers \(email\) without a consent \(Information Society Code 200 § 2\) unless you refused it: refuse free .*: Legitimate interest/,
      ),
    );
    // Both on: no channel rests on consent, and the notice lists no consent purpose for marketing.
    const both = purposesUnder(footingOf({ ownCustomerException: { email: true, sms: true } }));
    expect(both.filter((item) => item.startsWith('Direct marketing with your consent'))).toEqual([]);
    expect(both).toContainEqual(expect.stringContaining('customers (email, text message) without a consent'));
    // Nor do the records of processing list a consent activity no channel rests on.
    const activities = recordsOfProcessing(
      { region: DEFAULT_REGION },
      footingOf({ ownCustomerException: { email: true, sms: true } }),
    ).activities.map((activity) => activity.purpose);
    expect(activities).not.toContain('marketing');
    expect(activities).toContain('marketing-without-consent');
  });
});

describe('where the notice says the data is', () => {
  it('names the region the register runs in, and no transfer, inside the EU/EEA', () => {
    const [fi, en] = (['fi', 'en'] as const).map((lang) =>
      JSON.stringify(privacyNotice(lang, { region: 'eu-central-1' }, CHANNEL_BASIS)),
    );
    expect(en).toContain(
      'No data is transferred outside the EU or EEA. The data is stored in the AWS region eu-central-1 (Frankfurt).',
    );
    expect(fi).toContain('Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle');
    expect(en).not.toContain('eu-north-1');
    expect(
      recordsOfProcessing({ region: 'eu-central-1' }, CHANNEL_BASIS).activities.every(
        (a) => a.transfersOutsideEea === 'none',
      ),
    ).toBe(true);
  });

  it('states the transfer and its safeguard when the register was deliberately placed outside the EU/EEA', () => {
    const location = { region: 'us-east-1', outsideEeaSafeguard: 'EU–US Data Privacy Framework' };
    const en = JSON.stringify(privacyNotice('en', location, CHANNEL_BASIS));
    expect(en).toContain('outside the EU and EEA. The transfer rests on: EU–US Data Privacy Framework.');
    expect(en).not.toContain('No data is transferred');
    expect(en).not.toContain('in the EU, region');
    expect(JSON.stringify(privacyNotice('fi', location, CHANNEL_BASIS))).toContain(
      'EU:n ja ETA:n ulkopuolella',
    );
    expect(recordsOfProcessing(location, CHANNEL_BASIS).activities[0]!.transfersOutsideEea).toEqual({
      region: 'us-east-1',
      safeguard: 'EU–US Data Privacy Framework',
    });
  });
});

describe('the notice versions a consent may answer to', () => {
  it('end with the one in force, which the notice carries', () => {
    expect(PUBLISHED_NOTICE_VERSIONS.at(-1)).toBe(
      privacyNotice('en', { region: DEFAULT_REGION }, CHANNEL_BASIS).noticeVersion,
    );
  });
});
