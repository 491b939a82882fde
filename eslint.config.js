import tseslint from 'typescript-eslint';

/** The domain: pure TypeScript that knows nothing of DynamoDB, S3, HTTP or the CDK app. */
export const DOMAIN_FILES = [
  'shared/*.ts',
  'shared/{addresses,auth,campaigns,cards,consents,exchange,jobs,legacy,members,privacy,purchases,queues,time}/**/*.ts',
];

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
);
