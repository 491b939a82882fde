import { createContext, useContext, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './messages/en.ts';
import { fi } from './messages/fi.ts';
import { sv } from './messages/sv.ts';

export type { MessageKey };

export const LANGUAGES = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const;
export type Language = keyof typeof LANGUAGES;
const isLanguage = (value: unknown): value is Language => typeof value === 'string' && value in LANGUAGES;

const CHOICE_KEY = 'moymore.language';

/** The user's choice if they made one, else the browser's first of Finnish or Swedish, else English. */
export function initialLanguage(): Language {
  const chosen = localStorage.getItem(CHOICE_KEY);
  if (isLanguage(chosen)) return chosen;
  // The browser's order counts: the first of its languages the console speaks.
  for (const tag of navigator.languages) {
    const primary = tag.slice(0, 2).toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const messages: Partial<Messages> = language === 'fi' ? fi : language === 'sv' ? sv : en;
  const value: I18n = {
    language,
    setLanguage(next) {
      localStorage.setItem(CHOICE_KEY, next);
      document.documentElement.lang = next;
      setLanguageState(next);
    },
    t: (key) => messages[key] ?? en[key] ?? key,
  };
  document.documentElement.lang = language;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
