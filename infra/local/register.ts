import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { routeList } from '../routes.ts';
import { createApiServer, type ApiLambdaHandler } from './server.ts';
import { loadOrCreateKeys, signToken, type LocalKeys, type TokenRequest } from './local-jwt.ts';
import { LOCAL, localEnvironment, startServices, type LocalServices } from './services.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LOCAL_DIR = join(PROJECT_ROOT, '.local');
export const KEY_FILE = join(LOCAL_DIR, 'jwt-signing-key.json');

export interface LocalRegister {
  apiUrl: string;
  services: LocalServices;
  keys: LocalKeys;
  token(request: TokenRequest): Promise<string>;
  stop(): Promise<void>;
}

/** Handlers are the very modules the Lambda functions are bundled from. */
const loadHandler = async (handler: string) => {
  const module = (await import(pathToFileURL(join(PROJECT_ROOT, 'functions', `${handler}.ts`)).href)) as {
    handler: ApiLambdaHandler;
  };
  return module.handler;
};

/**
 * The whole register on this machine: DynamoDB Local, s3rver, and the API server in this process.
 * `npm start` and the integration tests both run exactly this.
 */
export async function startLocalRegister(options: {
  inMemory: boolean;
  apiPort: number;
  dynamoPort: number;
  s3Port: number;
  keyFile?: string;
}): Promise<LocalRegister> {
  const services = await startServices({
    ...(options.inMemory ? {} : { dataDir: LOCAL_DIR }),
    dynamoPort: options.dynamoPort,
    s3Port: options.s3Port,
  });
  Object.assign(process.env, localEnvironment(services));
  const keys = await loadOrCreateKeys(options.keyFile ?? KEY_FILE);
  const server: Server = createApiServer({ routes: routeList, keys, load: loadHandler });
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.apiPort, '127.0.0.1', () => done());
    });
  } catch (error) {
    await services.stop();
    throw error;
  }
  const { port } = server.address() as { port: number };
  return {
    apiUrl: `http://localhost:${port}`,
    services,
    keys,
    token: (request) => signToken(keys, request),
    async stop() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await services.stop();
    },
  };
}

export { LOCAL };
