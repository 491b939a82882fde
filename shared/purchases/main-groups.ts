/**
 * Main product groups (pääryhmät): the only level of detail the register keeps of purchases.
 * A configured code list; the version changes whenever a code is added or retired, so a till can
 * tell whether its list is current. Codes are never reused for another meaning.
 */
export const MAIN_GROUPS = {
  version: '2026.1',
  groups: {
    food: { fi: 'Elintarvikkeet ja herkut', sv: 'Livsmedel och delikatesser', en: 'Food and delicatessen' },
    'womens-fashion': { fi: 'Naisten muoti', sv: 'Dammode', en: "Women's fashion" },
    'mens-fashion': { fi: 'Miesten muoti', sv: 'Herrmode', en: "Men's fashion" },
    'kids-fashion': { fi: 'Lasten muoti', sv: 'Barnmode', en: "Children's fashion" },
    beauty: { fi: 'Kosmetiikka ja kauneus', sv: 'Kosmetik och skönhet', en: 'Beauty' },
    home: { fi: 'Koti ja sisustus', sv: 'Hem och inredning', en: 'Home and interior' },
    electronics: { fi: 'Kodintekniikka ja elektroniikka', sv: 'Hemelektronik', en: 'Electronics' },
    sports: { fi: 'Urheilu ja vapaa-aika', sv: 'Sport och fritid', en: 'Sports and leisure' },
    'books-stationery': {
      fi: 'Kirjat ja paperitavarat',
      sv: 'Böcker och pappersvaror',
      en: 'Books and stationery',
    },
    toys: { fi: 'Lelut', sv: 'Leksaker', en: 'Toys' },
    'watches-jewellery': { fi: 'Kellot ja korut', sv: 'Klockor och smycken', en: 'Watches and jewellery' },
    services: { fi: 'Palvelut', sv: 'Tjänster', en: 'Services' },
  },
} as const;

export type MainGroup = keyof typeof MAIN_GROUPS.groups;

export const isMainGroup = (code: string): code is MainGroup => Object.hasOwn(MAIN_GROUPS.groups, code);
