import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();
/** The messages of the boundary rule for a source as if it stood at the given path. */
const boundaryErrors = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter(
    (m) => m.ruleId === 'no-restricted-imports',
  );

describe('the domain never imports an adapter', () => {
  it.each([
    ['shared/members/bad.ts', "import { memberKey } from '../store/keys.ts';\nexport const k = memberKey;\n"],
    ['shared/purchases/bad.ts', "import { Problem } from '../http/problem.ts';\nexport const p = Problem;\n"],
    [
      'shared/cards/bad.ts',
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;\n",
    ],
    [
      'shared/refusal-bad.ts',
      "import { routeList } from './contract/routes.ts';\nexport const r = routeList;\n",
    ],
    ['shared/members/app-bad.ts', "import { app } from '../../infra/app.ts';\nexport const a = app;\n"],
    // A domain folder nobody has made yet is covered all the same.
    [
      'shared/newfolder/bad.ts',
      "import { memberKey } from '../store/keys.ts';\nexport const k = memberKey;\n",
    ],
    [
      'shared/accounts/bad.ts',
      "import { SESv2Client } from '@aws-sdk/client-sesv2';\nexport const s = SESv2Client;\n",
    ],
    [
      'shared/statistics/bad.ts',
      "import { statisticsKey } from '../store/keys.ts';\nexport const k = statisticsKey;\n",
    ],
  ])('fails lint on %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toHaveLength(1);
  });

  it('lets adapters import the domain, and the domain import the domain', async () => {
    expect(
      await boundaryErrors(
        'shared/store/fine.ts',
        "import { notFound } from '../refusal.ts';\nexport const n = notFound;\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'shared/members/fine.ts',
        "import { invalid } from '../refusal.ts';\nexport const i = invalid;\n",
      ),
    ).toEqual([]);
  });
});
