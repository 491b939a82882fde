import { loadOrCreateKeys, parseTokenArgs, signToken } from './local-jwt.ts';
import { KEY_FILE } from './register.ts';

/** `npm run token -- <role> [--customer <n>]`: a bearer token for the local API, valid one hour. */
try {
  const request = parseTokenArgs(process.argv.slice(2));
  console.log(await signToken(await loadOrCreateKeys(KEY_FILE), request));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
