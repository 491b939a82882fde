import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { CONSOLE_PATHS, type ConsoleConfig } from '../generated/console-config.ts';

/**
 * OpenID Connect, authorization code with PKCE, by oidc-client-ts: against Cognito's managed login in
 * AWS and the local provider on `npm start`, the same code. Tokens live in memory only: a reload or a
 * new tab signs in again (quietly, while the provider's session lasts). Only the PKCE state of a
 * sign-in under way is kept in sessionStorage, so that it survives the provider's redirect.
 */
export function userManager(config: ConsoleConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: origin + CONSOLE_PATHS.callback,
    post_logout_redirect_uri: origin + CONSOLE_PATHS.signedOut,
    response_type: 'code',
    scope: 'openid email',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    loadUserInfo: false,
    ...(config.signOut ? { metadataSeed: { end_session_endpoint: config.signOut.endpoint } } : {}),
  });
}
