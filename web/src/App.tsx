import { createContext, lazy, Suspense, useContext, useMemo, useRef, type ReactNode } from 'react';
import { BrowserRouter, Link, NavLink, Navigate, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { UserManager } from 'oidc-client-ts';
import type { ConsoleConfig } from './lib/generated/console-config.ts';
import { apiClient, may, type Api } from './api.ts';
import { AuthProvider, useAuth, useSession } from './auth.tsx';
import { I18nProvider, LANGUAGES, useI18n, type Language } from './i18n.tsx';
import type { OperationId } from './lib/generated/roles.ts';
import { SearchPage } from './pages/SearchPage.tsx';
import { MemberPage } from './pages/MemberPage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { QueuesPage } from './pages/QueuesPage.tsx';
import { OperationsPage } from './pages/OperationsPage.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { CampaignsPage } from './pages/CampaignsPage.tsx';
import { CampaignPage } from './pages/CampaignPage.tsx';

// The charts' library loads with the figures page only, not with the console's first page.
const FiguresPage = lazy(() => import('./pages/FiguresPage.tsx'));

const ApiContext = createContext<Api | undefined>(undefined);
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside the signed-in console');
  return api;
}

export function App({ config, manager }: { config: ConsoleConfig; manager: UserManager }) {
  return (
    <I18nProvider>
      <BrowserRouter>
        <AuthProvider manager={manager} config={config}>
          <Shell />
        </AuthProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}

function LanguageChoice() {
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

function Shell() {
  const { state, signIn, t } = { ...useAuth(), ...useI18n() };
  if (state.status === 'starting') return <p className="centered">{t('loading')}</p>;
  if (state.status === 'signed-out') {
    const message =
      state.reason === 'ended'
        ? t('sessionEnded')
        : state.reason === 'failed'
          ? t('signInFailed')
          : state.reason === 'signed-out'
            ? t('signedOut')
            : undefined;
    return (
      <main className="centered" id="main">
        <h1>{t('appName')}</h1>
        {message && <p role="status">{message}</p>}
        <button type="button" className="primary" onClick={() => void signIn()}>
          {t('signIn')}
        </button>
        <LanguageChoice />
      </main>
    );
  }
  return <SignedIn />;
}

/** The pages each role sees in the menu; the route table says which operations a page needs. */
const PAGES: {
  path: string;
  label: 'navSearch' | 'navRegister' | 'navQueues' | 'navOperations' | 'navCampaigns' | 'navFigures';
  needs: OperationId;
}[] = [
  { path: '/', label: 'navSearch', needs: 'searchMembers' },
  { path: '/new-member', label: 'navRegister', needs: 'registerMember' },
  { path: '/queues', label: 'navQueues', needs: 'workQueue' },
  { path: '/operations', label: 'navOperations', needs: 'jobRuns' },
  { path: '/marketing', label: 'navCampaigns', needs: 'listCampaigns' },
  { path: '/figures', label: 'navFigures', needs: 'listReports' },
];

function SignedIn() {
  const session = useSession();
  const { sessionEnded, signOut } = useAuth();
  const { t } = useI18n();
  const token = useRef(session.idToken);
  token.current = session.idToken;
  const api = useMemo(() => apiClient(() => token.current, sessionEnded), [sessionEnded]);
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }),
    [],
  );
  const pages = PAGES.filter((page) => may(session.roles, page.needs));
  const own = session.customerNumber ? `/member/${session.customerNumber}` : undefined;
  // A member's own account not yet linked to a membership: linking or joining is all there is to do.
  const unlinked = session.role === 'member' && !own;

  return (
    <ApiContext.Provider value={api}>
      <QueryClientProvider client={queryClient}>
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
              {t('signedInAs')} <strong>{session.role}</strong>
            </span>
            <LanguageChoice />
            <button type="button" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <Routes>
            <Route
              path="/"
              element={
                own ? (
                  <Navigate to={own} replace />
                ) : unlinked ? (
                  <AccountPage />
                ) : !may(session.roles, 'searchMembers') && pages[0] ? (
                  // A role that finds no members (marketing) starts on its first page.
                  <Navigate to={pages[0].path} replace />
                ) : (
                  <Gate needs="searchMembers">
                    <SearchPage />
                  </Gate>
                )
              }
            />
            <Route
              path="/member/:customerNumber"
              element={
                <Gate needs="readMember">
                  <MemberPage />
                </Gate>
              }
            />
            <Route
              path="/new-member"
              element={
                <Gate needs="registerMember">
                  <RegisterPage />
                </Gate>
              }
            />
            <Route
              path="/queues"
              element={
                <Gate needs="workQueue">
                  <QueuesPage />
                </Gate>
              }
            />
            <Route
              path="/operations"
              element={
                <Gate needs="jobRuns">
                  <OperationsPage />
                </Gate>
              }
            />
            <Route
              path="/marketing"
              element={
                <Gate needs="listCampaigns">
                  <CampaignsPage />
                </Gate>
              }
            />
            <Route
              path="/marketing/:campaignId"
              element={
                <Gate needs="readCampaign">
                  <CampaignPage />
                </Gate>
              }
            />
            {['/figures', '/figures/:report'].map((path) => (
              <Route
                key={path}
                path={path}
                element={
                  <Gate needs="listReports">
                    <Suspense fallback={<p role="status">{t('loading')}</p>}>
                      <FiguresPage />
                    </Suspense>
                  </Gate>
                }
              />
            ))}
            <Route path="*" element={<p>{t('notFound')}</p>} />
          </Routes>
        </main>
      </QueryClientProvider>
    </ApiContext.Provider>
  );
}

/** A page the role may not use says so, rather than failing call by call. */
function Gate({ needs, children }: { needs: OperationId; children: ReactNode }) {
  const session = useSession();
  const { t } = useI18n();
  if (!may(session.roles, needs))
    return (
      <p role="alert" className="error">
        {t('notAllowed')}
      </p>
    );
  return <>{children}</>;
}
