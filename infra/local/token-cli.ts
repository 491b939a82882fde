import { loadOrCreateKeys, localIssuer, parseTokenArgs, signToken } from './local-jwt.ts';
import { KEY_FILE, LOCAL } from './register.ts';

/**
 * `npm run token -- <role> [--customer <n>]`: a bearer token for the local API, valid one hour. Its
 * issuer is the local register's on PORT (3000 unless set), as `npm start` serves it.
 */
try {
  const request = parseTokenArgs(process.argv.slice(2));
  const issuer = localIssuer(`http://localhost:${process.env.PORT ?? LOCAL.ports.api}`);
  console.log(await signToken(await loadOrCreateKeys(KEY_FILE, issuer), request));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
