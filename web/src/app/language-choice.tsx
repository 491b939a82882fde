import { LANGUAGES, useI18n, type Language } from '../lib/i18n/i18n-provider.tsx';

export function LanguageChoice() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="language">
      {t('language')}{' '}
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
