import { LOCAL, startLocalRegister } from './register.ts';
import { JAVA_MISSING } from './services.ts';
import { jobs } from '../../shared/contract/jobs.ts';
import { ROLES } from '../../shared/auth/roles.ts';

/** `npm start [-- --in-memory]`: the whole register locally until Ctrl-C. */
const inMemory = process.argv.includes('--in-memory');
const apiPort = Number(process.env.PORT ?? LOCAL.ports.api);

try {
  const register = await startLocalRegister({
    inMemory,
    apiPort,
    dynamoPort: Number(process.env.DYNAMODB_PORT ?? LOCAL.ports.dynamo),
    s3Port: Number(process.env.S3_PORT ?? LOCAL.ports.s3),
    sesPort: Number(process.env.SES_PORT ?? LOCAL.ports.ses),
    smsPort: Number(process.env.SMS_PORT ?? LOCAL.ports.sms),
  });
  console.log(`Moymore loyalty register, local
  Console         ${register.api.url}/   (sign in: choose a role; a member also gives a customer number)
  API             ${register.api.url}/api   (also at its own paths; OpenAPI: ${register.api.url}/openapi.json)
  Sign-in (OIDC)  ${register.api.url}/oidc   (stands in for Cognito's managed login)
  DynamoDB Local  ${register.services.dynamoEndpoint}   table ${LOCAL.tableName}
  S3 (s3rver)     ${register.services.s3Endpoint}   bucket ${LOCAL.bucketName}, key and secret S3RVER
  Email (SES)     ${register.services.sesEndpoint}   (aws-ses-v2-local: what was sent at /, and as JSON at /store)
  Texts (SMS)     ${register.services.smsEndpoint}/store   (stands in for End User Messaging: what was sent, as JSON)
  Data            ${inMemory ? 'in memory, gone on stop' : '.local/ (kept between starts; --in-memory to throw away)'}
Get a token:      npm run token -- customer-service      (roles: ${ROLES.filter((r) => r !== 'member').join(', ')}, member --customer <n>)
Run a job:        npm run job -- <${Object.keys(jobs).join('|')}>
Ctrl-C stops everything.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the API, DynamoDB Local, S3, SES and SMS...`);
    await register.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message === JAVA_MISSING ? JAVA_MISSING : `The local register did not start: ${message}`);
  process.exit(1);
}
