import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { User, UserManager } from 'oidc-client-ts';
import { CONSOLE_PATHS, type ConsoleConfig } from '../generated/console-config.ts';
import { ROLES, type Role } from '../generated/roles.ts';

export interface Session {
  idToken: string;
  roles: Role[];
  /** The most privileged role, as the API picks it. */
  role: Role;
  customerNumber?: string;
  subject: string;
}

/** The code in the URL can be exchanged once: a second call (React's development double effects) reuses it. */
let callbackResult: Promise<User> | undefined;

function sessionOf(user: User): Session | undefined {
  if (!user.id_token || user.expired) return undefined;
  const groups = user.profile['cognito:groups'];
  const roles = ROLES.filter((role) => Array.isArray(groups) && groups.includes(role));
  if (roles.length === 0) return undefined;
  const customerNumber = user.profile['custom:customerNumber'];
  return {
    idToken: user.id_token,
    roles,
    role: roles[0]!,
    ...(typeof customerNumber === 'string' ? { customerNumber } : {}),
    subject: user.profile.sub,
  };
}

type AuthState =
  | { status: 'starting' }
  | { status: 'signed-in'; session: Session }
  | { status: 'signed-out'; reason?: 'ended' | 'failed' | 'signed-out' };

interface Auth {
  state: AuthState;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  /** The API said 401: the session is over, whatever the token's clock says. */
  sessionEnded(): void;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({
  manager,
  config,
  children,
}: {
  manager: UserManager;
  config: ConsoleConfig;
  children: ReactNode;
}) {
  const [state, setState] = useState<AuthState>({ status: 'starting' });
  const navigate = useNavigate();

  useEffect(() => {
    let cancelled = false;
    const settle = (next: AuthState) => !cancelled && setState(next);
    const path = window.location.pathname;
    (async () => {
      if (path === CONSOLE_PATHS.callback) {
        try {
          const user = await (callbackResult ??= manager.signinRedirectCallback());
          const session = sessionOf(user);
          const back = typeof user.state === 'string' && user.state.startsWith('/') ? user.state : '/';
          void navigate(back, { replace: true });
          settle(session ? { status: 'signed-in', session } : { status: 'signed-out', reason: 'failed' });
        } catch {
          void navigate('/', { replace: true });
          settle({ status: 'signed-out', reason: 'failed' });
        }
        return;
      }
      if (path === CONSOLE_PATHS.signedOut) {
        void navigate('/', { replace: true });
        settle({ status: 'signed-out', reason: 'signed-out' });
        return;
      }
      // Opened afresh (a link, a reload): sign in at once. While the provider's session lasts this
      // comes straight back, so a link to a member opens that member.
      await manager.signinRedirect({ state: path + window.location.search });
    })();
    // An ID token past its time ends the session where it is: the next call would be refused anyway.
    manager.events.addAccessTokenExpired(() => {
      settle({ status: 'signed-out', reason: 'ended' });
    });
    return () => {
      cancelled = true;
    };
    // Once, at start: the URL it was opened at says whether a sign-in or sign-out is coming back.
  }, [manager]);

  const signIn = useCallback(
    () => manager.signinRedirect({ state: window.location.pathname + window.location.search }),
    [manager],
  );
  const signOut = useCallback(async () => {
    const user = await manager.getUser();
    await manager.removeUser();
    setState({ status: 'signed-out', reason: 'signed-out' });
    // Cognito's /logout takes the client and where to return, and no token: none goes into a URL.
    // A standard provider (the local one) is told whose session ends by the ID token, as OIDC has it.
    await manager.signoutRedirect(
      config.signOut
        ? {
            id_token_hint: undefined,
            extraQueryParams: {
              client_id: config.clientId,
              [config.signOut.returnParameter]: window.location.origin + CONSOLE_PATHS.signedOut,
            },
          }
        : user?.id_token
          ? { id_token_hint: user.id_token }
          : {},
    );
  }, [manager, config]);
  const sessionEnded = useCallback(() => {
    void manager.removeUser();
    setState({ status: 'signed-out', reason: 'ended' });
  }, [manager]);

  return (
    <AuthContext.Provider value={{ state, signIn, signOut, sessionEnded }}>{children}</AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in session; pages under the sign-in gate only. */
export function useSession(): Session {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useSession before sign-in');
  return state.session;
}
