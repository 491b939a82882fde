import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useAuth, useSession } from '../lib/auth/auth-provider.tsx';
import { useI18n } from '../lib/i18n/i18n-provider.tsx';
import { LanguageChoice } from './language-choice.tsx';
import { useMenu } from './menu.ts';

/** Every signed-in page: a skip link, the menu, who is signed in, the language, `Sign out`, then the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { role } = useSession();
  const { signOut } = useAuth();
  const { t } = useI18n();
  const { pages, own } = useMenu();
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top">
        <Link to={own ?? '/'} className="brand">
          {t('appName')}
        </Link>
        <nav aria-label="Main">
          <ul>
            {pages.map((page) => (
              <li key={page.path}>
                <NavLink to={page.path} end>
                  {t(page.label)}
                </NavLink>
              </li>
            ))}
            {own && (
              <li>
                <NavLink to={own}>{t('navOwn')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="who">
          <span>
            {t('signedInAs')} <strong>{role}</strong>
          </span>
          <LanguageChoice />
          <button type="button" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
