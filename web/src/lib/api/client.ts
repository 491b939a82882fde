import createClient, { type Middleware } from 'openapi-fetch';
import { CONSOLE_PATHS } from '../generated/console-config.ts';
import type { paths } from '../generated/schema.ts';

/** The typed client, generated from the API's OpenAPI document, carrying the session's ID token. */
export function apiClient(token: () => string | undefined, onUnauthorized: () => void) {
  const client = createClient<paths>({ baseUrl: CONSOLE_PATHS.api });
  const auth: Middleware = {
    onRequest({ request }) {
      const idToken = token();
      if (idToken) request.headers.set('authorization', `Bearer ${idToken}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onUnauthorized();
      return response;
    },
  };
  client.use(auth);
  return client;
}

export type Api = ReturnType<typeof apiClient>;
