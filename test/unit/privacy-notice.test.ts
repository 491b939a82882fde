import { describe, expect, it } from 'vitest';
import { privacyNotice } from '../../shared/privacy/notice.ts';

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
  ],
} as const;

describe('the privacy notice says what the register description says', () => {
  it.each(['fi', 'en'] as const)('in %s', (lang) => {
    const text = JSON.stringify(privacyNotice(lang)).toLowerCase();
    const missing = DESCRIPTION_FACTS[lang].filter((fact) => !text.includes(fact.toLowerCase()));
    expect(missing).toEqual([]);
  });
});
