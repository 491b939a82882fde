import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import Provider, { type Configuration } from 'oidc-provider';
import { isRole, ROLES, type Role } from '../../shared/auth/roles.ts';
import { CustomerNumber, Email } from '../../shared/members/schemas.ts';
import { CONSOLE_PATHS } from '../../shared/contract/console.ts';
import { ALGORITHM, LOCAL_AUDIENCE, localSubject, type LocalKeys } from './local-jwt.ts';
import { memberSignIn, SELF_SIGN_UP_GROUP } from '../../shared/accounts/link.ts';
import { CUSTOMER_NUMBER_CLAIM } from '../../shared/auth/caller.ts';
import { accessLogStore, linkAttemptStore, memberStore } from '../../shared/store/default-stores.ts';
import { recordStaffSignIn } from '../../shared/accounts/staff.ts';
import { localStaffAccounts } from './staff-accounts.ts';

/** People sign in; `pos` is a till, a machine with client credentials, not a person at a sign-in page. */
const PEOPLE = ROLES.filter((role) => role !== 'pos');

/** A member's own account, as one signed up in Cognito: the subject carries the verified email. */
const ACCOUNT_PREFIX = 'local-account-';
const accountOf = (email: string) => ACCOUNT_PREFIX + Buffer.from(email).toString('base64url');

async function claimsOf(accountId: string) {
  if (accountId.startsWith(ACCOUNT_PREFIX)) {
    const email = Buffer.from(accountId.slice(ACCOUNT_PREFIX.length), 'base64url').toString('utf8');
    // Signed up on their own, so a member (the post-confirmation trigger in AWS); then what Cognito's
    // pre-token-generation trigger does in AWS, with the same code.
    const signIn = await memberSignIn(
      {
        subject: accountId,
        groups: [SELF_SIGN_UP_GROUP],
        verifiedEmail: email,
        via: 'local sign-in',
        requestId: randomUUID(),
      },
      { members: memberStore(), attempts: linkAttemptStore() },
    );
    return {
      sub: accountId,
      'cognito:groups': [SELF_SIGN_UP_GROUP],
      'cognito:username': accountId,
      token_use: 'id',
      email,
      email_verified: true,
      ...(signIn.customerNumber ? { [CUSTOMER_NUMBER_CLAIM]: signIn.customerNumber } : {}),
    };
  }
  if (accountId.startsWith(STAFF_PREFIX)) {
    // An account the admin invited: its groups as they are now, and none once it is disabled.
    const account = await localStaffAccounts.get(accountId);
    if (!account?.enabled) return undefined;
    return {
      sub: accountId,
      'cognito:groups': account.groups,
      'cognito:username': accountId,
      token_use: 'id',
      email: account.email,
      email_verified: true,
    };
  }
  const member = /^local-member-(\d+)$/.exec(accountId);
  const role = member ? 'member' : accountId.slice('local-'.length);
  if (!isRole(role)) return undefined;
  return {
    sub: accountId,
    'cognito:groups': [role],
    'cognito:username': accountId,
    token_use: 'id',
    ...(member ? { 'custom:customerNumber': member[1] } : {}),
  };
}

/** Accounts of the local staff store have ids of their own (infra/local/staff-accounts.ts). */
const STAFF_PREFIX = 'local-staff-';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The local sign-in page: a role, and for a member either a customer number (straight to their pages)
 * or an email (their own account, as one signed up in Cognito with that email verified). Nothing that
 * could be a password.
 */
function signInPage(action: string, error?: string): string {
  const options = PEOPLE.map((role) => `<option value="${role}">${role}</option>`).join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in: Moymore loyalty register (local)</title>
<style>
body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin-top:1rem;font-weight:600}select,input,button{font:inherit;padding:.5rem;margin-top:.25rem;width:100%;box-sizing:border-box}
button{margin-top:1.5rem;background:#005a8c;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
.note{color:#555;font-size:.9rem}.error{color:#a00000;font-weight:600}
</style></head>
<body><main>
<h1>Moymore loyalty register</h1>
<p class="note">Local sign-in: choose whom to act as. In AWS this is Cognito's managed login.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
<label for="role">Role</label>
<select id="role" name="role">${options}</select>
<label for="customerNumber">Customer number</label>
<input id="customerNumber" name="customerNumber" inputmode="numeric" autocomplete="off" aria-describedby="customerNumberHelp">
<p id="customerNumberHelp" class="note">Only for the member role: whose own pages to open.</p>
<label for="email">Or an account’s email</label>
<input id="email" name="email" type="email" autocomplete="off" aria-describedby="emailHelp">
<p id="emailHelp" class="note">With the member role: a member who signed up with this email, linked to the membership that has it, or asked to link or join. With a staff role: a staff account the admin invited, with the groups it has now.</p>
<button type="submit">Sign in</button>
</form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The local stand-in for Cognito's managed login: a well-kept OpenID Connect provider (oidc-provider)
 * doing the authorization code flow with PKCE for the console, signing ID tokens with the same key
 * and claims the API already accepts. Mounted at /oidc of the local front door.
 */
export function createLocalOidc(options: { keys: LocalKeys; origin: string; idTokenTtlSeconds?: number }) {
  const configuration: Configuration = {
    clients: [
      {
        client_id: LOCAL_AUDIENCE,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [options.origin + CONSOLE_PATHS.callback],
        post_logout_redirect_uris: [options.origin + CONSOLE_PATHS.signedOut],
        id_token_signed_response_alg: ALGORITHM,
      },
    ],
    jwks: { keys: [options.keys.privateJwk as never] },
    pkce: { required: () => true },
    // Only the console's own origin calls the token endpoint.
    clientBasedCORS: (_ctx, origin) => origin === options.origin,
    // As Cognito puts groups and custom attributes in the ID token, not only behind userinfo.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub', 'cognito:groups', 'cognito:username', 'custom:customerNumber', 'token_use'],
      email: ['email', 'email_verified'],
    },
    findAccount: async (_ctx, accountId) => {
      const claims = await claimsOf(accountId);
      return claims ? { accountId, claims: async () => claims } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // No question to confirm: the console asked already, by its Sign out button.
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing out</title></head>
<body>${form}<noscript>JavaScript is off:</noscript><button form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>document.forms[0].insertAdjacentHTML('beforeend','<input type="hidden" name="logout" value="yes">');document.forms[0].submit()</script></body></html>`;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}` },
    ttl: {
      IdToken: options.idTokenTtlSeconds ?? 3600,
      AccessToken: options.idTokenTtlSeconds ?? 3600,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
  };
  // Made on the first sign-in: a run that never signs in (the API's tests) starts none.
  let made: { provider: Provider; callback: ReturnType<Provider['callback']> } | undefined;
  const oidc = () => {
    if (!made) {
      const provider = new Provider(options.keys.issuer, configuration);
      made = { provider, callback: provider.callback() };
    }
    return made;
  };

  /** The sign-in page's own routes; everything else under /oidc is the provider's. */
  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string) {
    const { provider } = oidc();
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    const action = `/oidc/interaction/${uid}`;
    const html = (status: number, body: string) =>
      res
        .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(body);

    if (details.prompt.name === 'login' && req.method !== 'POST') {
      html(200, signInPage(action));
      return;
    }

    let accountId = details.session?.accountId;
    if (details.prompt.name === 'login') {
      const form = await formBody(req);
      const role = form.get('role') ?? '';
      const customerNumber = (form.get('customerNumber') ?? '').trim();
      const email = Email.safeParse((form.get('email') ?? '').trim());
      const ownAccount = role === 'member' && customerNumber === '' && email.success;
      // A staff role with an email: the invited account of that email, if it may sign in.
      const invited =
        role !== 'member' && email.success ? localStaffAccounts.signInAccount(email.data) : undefined;
      const refusal =
        !isRole(role) || role === 'pos'
          ? 'Choose a role.'
          : role === 'member' && !ownAccount && !CustomerNumber.safeParse(customerNumber).success
            ? 'A member needs their customer number (10 digits) or their email.'
            : role !== 'member' && email.success && !invited
              ? 'No staff account may sign in with that email.'
              : undefined;
      if (refusal) {
        html(400, signInPage(action, refusal));
        return;
      }
      // The account id is the subject `npm run token` gives: it carries what the person chose.
      accountId = invited
        ? invited.username
        : ownAccount
          ? accountOf(email.data!)
          : localSubject(role as Role, role === 'member' ? customerNumber : undefined);
      // As Cognito's pre-token trigger records it in AWS.
      if (invited) await recordStaffSignIn(invited, accessLogStore());
    }
    // Consent is implied: the console is the register's own first-party client.
    const grant = new provider.Grant({ accountId: accountId!, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: accountId! }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const own = /^\/oidc\/interaction\/([\w-]+)$/.exec(url.split('?')[0]!);
    if (own) return interaction(req, res, own[1]!);
    // Mounted below /oidc: the provider reads its mount path from originalUrl, as under Express.
    (req as IncomingMessage & { originalUrl: string }).originalUrl = url;
    req.url = url.slice('/oidc'.length) || '/';
    oidc().callback(req, res);
  };
}
