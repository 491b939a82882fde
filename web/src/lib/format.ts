import type { Language } from './i18n/i18n-provider.tsx';

const ZONE = 'Europe/Helsinki';
const locale = (language: Language) => (language === 'en' ? 'en-GB' : `${language}-FI`);

/** Money as Finns write it, whatever the interface language: 1 234,50 €. */
const euros = new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR' });
export const formatCents = (cents: number) => euros.format(cents / 100);

/** A percent as Finns write it, like money: 1,5 %. */
const percents = new Intl.NumberFormat('fi-FI', { style: 'percent', maximumFractionDigits: 2 });
export const formatPercent = (percent: number) => percents.format(percent / 100);

/** An instant, as a date and time in Helsinki. */
export const formatInstant = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), {
    timeZone: ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));

/** A calendar date (YYYY-MM-DD), as that day: no time zone may move it. */
export const formatDate = (day: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** A month (YYYY-MM), as its name and year. */
export const formatMonth = (month: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** Today's month in Helsinki, and the months before it. */
export function lastMonths(count: number, now = new Date()): string[] {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** A code list's name in the interface's language (Swedish where the list has it, else English). */
type Names = { fi: string; en: string; sv?: string };
export function nameOf(names: Names, language: Language): string;
export function nameOf(names: Names | undefined, language: Language): string | undefined;
export function nameOf(names: Names | undefined, language: Language) {
  return names && (language === 'fi' ? names.fi : language === 'sv' ? (names.sv ?? names.en) : names.en);
}
