import type { Server } from 'node:http';
import { join } from 'node:path';
import { routeList } from '../../shared/contract/routes.ts';
import { createApiListener, type ApiLambdaHandler } from './server.ts';
import { objectEventDispatcher } from './object-events.ts';
import { LOCAL_AUDIENCE, loadOrCreateKeys, localIssuer, signToken, type TokenRequest } from './local-jwt.ts';
import {
  freePort,
  LOCAL,
  localDynamoClient,
  localEnvironment,
  startServices,
  type LocalServices,
} from './services.ts';
import { createLocalOidc } from './oidc.ts';
import { createFrontDoor } from './front-door.ts';
import { localJobRequestReader } from './job-requests.ts';
import { ensureStream, readTableStream } from './table-stream.ts';
import { jobRequestPattern } from '../../shared/store/dynamo-job-requests.ts';
import { loadFunction } from './functions.ts';
import { PROJECT_ROOT } from '../bundling.ts';
import { useStaffDirectory } from '../../shared/store/default-stores.ts';
import { localStaffAccounts } from './staff-accounts.ts';

export const LOCAL_DIR = join(PROJECT_ROOT, '.local');
export const KEY_FILE = join(LOCAL_DIR, 'jwt-signing-key.json');
/** The console as `npm run build` leaves it. */
export const CONSOLE_DIR = join(PROJECT_ROOT, 'web', 'dist');

/** Handlers are the very modules the Lambda functions are bundled from. */
const loadHandler = (handler: string) => loadFunction<ApiLambdaHandler>(handler);

export interface LocalApi {
  url: string;
  token(request: TokenRequest): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The local front door in this process: the API Gateway with the handlers pointed at the given
 * services, the OIDC provider the console signs in with, and the console. Port 0 picks a free port (tests).
 */
export async function startLocalApi(options: {
  services: Pick<LocalServices, 'dynamoEndpoint' | 's3Endpoint' | 'sesEndpoint' | 'smsEndpoint'>;
  port: number;
  keyFile: string;
  /** Another table and bucket than the local stack's (tests keep their data apart). */
  names?: { tableName: string; bucketName: string };
  /** How long the ID tokens of the sign-in page last (tests of an ended session shorten it). */
  idTokenTtlSeconds?: number;
}): Promise<LocalApi> {
  Object.assign(process.env, localEnvironment(options.services, options.names));
  // The staff routes change the local sign-in's own accounts, as they change Cognito's in AWS.
  useStaffDirectory(localStaffAccounts);
  const stopStream = await readTableStream({
    endpoint: options.services.dynamoEndpoint,
    streamArn: await ensureStream(
      localDynamoClient(options.services.dynamoEndpoint),
      options.names?.tableName ?? LOCAL.tableName,
    ),
    filter: jobRequestPattern(),
    reader: localJobRequestReader((job, error) =>
      console.error(`the ${job} job failed three times:`, error instanceof Error ? error.name : error),
    ),
    onFailure: (error) =>
      console.error('the table stream was not read:', error instanceof Error ? error.name : error),
  });
  // The issuer names the port, so the port is chosen before the keys and the provider are made.
  const port = options.port || (await freePort());
  const origin = `http://localhost:${port}`;
  // The links in messages sent from here reach this API.
  process.env.PUBLIC_API_URL = `${origin}/api`;
  const keys = await loadOrCreateKeys(options.keyFile, localIssuer(origin));
  const server: Server = createFrontDoor({
    api: createApiListener({ routes: routeList, keys, load: loadHandler }),
    oidc: createLocalOidc({
      keys,
      origin,
      ...(options.idTokenTtlSeconds ? { idTokenTtlSeconds: options.idTokenTtlSeconds } : {}),
    }),
    consoleDir: CONSOLE_DIR,
    config: () => ({ authority: keys.issuer, clientId: LOCAL_AUDIENCE }),
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  return {
    url: origin,
    token: (request) => signToken(keys, request),
    async stop() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await stopStream();
    },
  };
}

/** The whole register on this machine, as `npm start` runs it. */
export async function startLocalRegister(options: {
  inMemory: boolean;
  apiPort: number;
  dynamoPort: number;
  s3Port: number;
  sesPort: number;
  smsPort: number;
}) {
  const dispatch = objectEventDispatcher((error) =>
    console.error('object event handler failed:', error instanceof Error ? error.name : typeof error),
  );
  const services = await startServices({
    ...(options.inMemory ? {} : { dataDir: LOCAL_DIR }),
    dynamoPort: options.dynamoPort,
    s3Port: options.s3Port,
    sesPort: options.sesPort,
    smsPort: options.smsPort,
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
