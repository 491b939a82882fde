import { dirname, join, relative, resolve, sep } from 'node:path';
import tseslint from 'typescript-eslint';

/**
 * The domain: pure TypeScript that knows nothing of DynamoDB, S3, HTTP or the CDK app. Every folder
 * of shared/ but the adapters' and the contract, so a new domain folder is covered as it is made.
 */
export const DOMAIN_FILES = ['shared/**/*.ts'];
export const NOT_DOMAIN = ['shared/{store,http,lambda,contract}/**'];

const CONSOLE_SOURCE = join(import.meta.dirname, 'web', 'src');

/** The console's zone of a file: `features/<name>`, `components`, `lib`, or `app` (main.tsx starts it); none outside web/src. */
function consoleZone(file) {
  const [top, feature] = relative(CONSOLE_SOURCE, file).split(sep);
  if (top === '..' || top === undefined) return undefined;
  if (top === 'features') return `features/${feature}`;
  return top === 'components' || top === 'lib' ? top : 'app';
}

/** Why an import from one zone to another is refused, or nothing when it may: app → features → components → lib. */
function refusal(from, to) {
  if (to === undefined) return 'outside';
  if (from === 'app' || from === to) return undefined;
  if (to === 'app') return 'app';
  if (to.startsWith('features/')) return from.startsWith('features/') ? 'otherFeature' : 'sharedToFeature';
  if (from === 'lib' && to === 'components') return 'libToComponent';
  return undefined;
}

/** The console's zones, one way (bulletproof-react's rule): a relative import is resolved to the zone it reaches. */
const consoleZones = {
  meta: {
    type: 'problem',
    messages: {
      outside:
        'The console reads the backend only through lib/generated (npm run generate:client), never a file outside web/src.',
      app: 'Only main.tsx and app/ import app/: a feature or shared code takes what it needs as props or from lib/.',
      otherFeature:
        'A feature never imports another feature: compose them in app/, or move what both need to components/ or lib/.',
      sharedToFeature: 'components/ and lib/ import no feature: they are shared by all of them.',
      libToComponent: 'lib/ imports no component: components/ are built on lib/, not the other way.',
    },
  },
  create(context) {
    const from = consoleZone(context.filename);
    const check = (source) => {
      if (from === undefined || typeof source?.value !== 'string' || !source.value.startsWith('.')) return;
      const messageId = refusal(from, consoleZone(resolve(dirname(context.filename), source.value)));
      if (messageId) context.report({ node: source, messageId });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules', 'cdk.out', '.local', '.bench', '.cache', 'web/dist', 'web/src/lib/generated'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Arrows point one way: entry points → domain ← adapters (shared/store, shared/http, shared/lambda).
    files: DOMAIN_FILES,
    ignores: NOT_DOMAIN,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(store|http|lambda|contract|infra|functions)/|^@aws-sdk/|^aws-cdk-lib',
              message:
                'The domain imports no adapter: declare a port in the domain and implement it in shared/store.',
            },
          ],
        },
      ],
    },
  },
  {
    // The console's zones: app → features → components → lib, and no feature imports another.
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { console: { rules: { zones: consoleZones } } },
    rules: { 'console/zones': 'error' },
  },
);
