import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { routeList } from '../../shared/contract/routes.ts';
import { createApiServer, type ApiLambdaHandler } from './server.ts';
import { objectEventDispatcher } from './object-events.ts';
import { loadOrCreateKeys, signToken, type TokenRequest } from './local-jwt.ts';
import { LOCAL, localEnvironment, startServices, type LocalServices } from './services.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LOCAL_DIR = join(PROJECT_ROOT, '.local');
export const KEY_FILE = join(LOCAL_DIR, 'jwt-signing-key.json');

/** Handlers are the very modules the Lambda functions are bundled from. */
const loadHandler = async (handler: string) => {
  const module = (await import(pathToFileURL(join(PROJECT_ROOT, 'functions', `${handler}.ts`)).href)) as {
    handler: ApiLambdaHandler;
  };
  return module.handler;
};

export interface LocalApi {
  url: string;
  token(request: TokenRequest): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The local API Gateway in this process, with the handlers pointed at the given services.
 * Port 0 picks a free port (tests).
 */
export async function startLocalApi(options: {
  services: Pick<LocalServices, 'dynamoEndpoint' | 's3Endpoint'>;
  port: number;
  keyFile: string;
  /** Another table and bucket than the local stack's (tests keep their data apart). */
  names?: { tableName: string; bucketName: string };
}): Promise<LocalApi> {
  Object.assign(process.env, localEnvironment(options.services, options.names));
  const keys = await loadOrCreateKeys(options.keyFile);
  const server: Server = createApiServer({ routes: routeList, keys, load: loadHandler });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => done());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://localhost:${port}`,
    token: (request) => signToken(keys, request),
    async stop() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** The whole register on this machine, as `npm start` runs it. */
export async function startLocalRegister(options: {
  inMemory: boolean;
  apiPort: number;
  dynamoPort: number;
  s3Port: number;
}) {
  const dispatch = objectEventDispatcher(PROJECT_ROOT, (error) =>
    console.error('object event handler failed:', error instanceof Error ? error.name : typeof error),
  );
  const services = await startServices({
    ...(options.inMemory ? {} : { dataDir: LOCAL_DIR }),
    dynamoPort: options.dynamoPort,
    s3Port: options.s3Port,
    onObjectEvent: (event) => void dispatch(event),
  });
  try {
    const api = await startLocalApi({ services, port: options.apiPort, keyFile: KEY_FILE });
    return {
      api,
      services,
      async stop() {
        await api.stop();
        await services.stop();
      },
    };
  } catch (error) {
    await services.stop();
    throw error;
  }
}

export { LOCAL };
