export type Criteria =
  | { kind: 'customerNumber'; customerNumber: string }
  | { kind: 'exact'; query: { email: string } | { phone: string } | { cardNumber: string } }
  | { kind: 'name'; surname: string; firstName?: string; birthDate?: string; postalCode?: string };

/** 1.2.1980 or 1980-02-01 as YYYY-MM-DD. */
function asDate(token: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(token)) return token;
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(token);
  return finnish
    ? `${finnish[3]}-${finnish[2]!.padStart(2, '0')}-${finnish[1]!.padStart(2, '0')}`
    : undefined;
}

/** One search box for every way a caller identifies themself: what they typed says which it is. */
export function criteriaOf(text: string): Criteria | undefined {
  const query = text.trim();
  if (!query) return undefined;
  if (query.includes('@')) return { kind: 'exact', query: { email: query } };
  const digits = query.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(digits) && !query.startsWith('0'))
    return { kind: 'customerNumber', customerNumber: digits };
  if (/^\d{16}$/.test(digits)) return { kind: 'exact', query: { cardNumber: digits } };
  if (/^\+?[\d\s()-]{6,}$/.test(query)) return { kind: 'exact', query: { phone: query } };
  const [surname, ...rest] = query.split(/\s+/);
  const names: string[] = [];
  const criteria: Criteria = { kind: 'name', surname: surname! };
  for (const token of rest) {
    const date = asDate(token);
    if (date) criteria.birthDate = date;
    else if (/^\d{5}$/.test(token)) criteria.postalCode = token;
    else names.push(token);
  }
  if (names.length) criteria.firstName = names.join(' ');
  return criteria;
}
