import { BrowserRouter } from 'react-router';
import type { UserManager } from 'oidc-client-ts';
import { AuthProvider, useAuth } from '../lib/auth/auth-provider.tsx';
import type { ConsoleConfig } from '../lib/generated/console-config.ts';
import { I18nProvider, useI18n } from '../lib/i18n/i18n-provider.tsx';
import { Layout } from './layout.tsx';
import { AppRoutes } from './routes.tsx';
import { SignedInProvider } from './signed-in-provider.tsx';
import { SignedOut } from './signed-out.tsx';

export function App({ config, manager }: { config: ConsoleConfig; manager: UserManager }) {
  return (
    <I18nProvider>
      <BrowserRouter>
        <AuthProvider manager={manager} config={config}>
          <SignInGate />
        </AuthProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}

/** Nothing of the console but the sign-in until someone is signed in. */
function SignInGate() {
  const { state } = useAuth();
  const { t } = useI18n();
  if (state.status === 'starting') return <p className="centered">{t('loading')}</p>;
  if (state.status === 'signed-out') return <SignedOut reason={state.reason} />;
  return (
    <SignedInProvider>
      <Layout>
        <AppRoutes />
      </Layout>
    </SignedInProvider>
  );
}
