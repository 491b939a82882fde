import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();
/** The messages of the console's zone rule for a source as if it stood at the given path. */
const zoneErrors = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'console/zones');

describe('the console’s zones: app → features → components → lib, no feature importing another', () => {
  it.each([
    [
      'a feature importing another feature',
      'web/src/features/cards/components/bad.tsx',
      "import { memberKeys } from '../../members/api/keys.ts';\nexport const k = memberKeys;\n",
      'otherFeature',
    ],
    [
      'a feature importing the app',
      'web/src/features/members/api/bad.ts',
      "import { Gate } from '../../../app/gate.tsx';\nexport const g = Gate;\n",
      'app',
    ],
    [
      'a feature loading another lazily',
      'web/src/features/campaigns/components/bad.tsx',
      "export const page = () => import('../../figures/components/figures-page.tsx');\n",
      'otherFeature',
    ],
    [
      'a shared component importing a feature',
      'web/src/components/bad.tsx',
      "export { SearchPage } from '../features/search/components/search-page.tsx';\n",
      'sharedToFeature',
    ],
    [
      'lib importing a component',
      'web/src/lib/bad.ts',
      "import { Table } from '../components/table.tsx';\nexport const t = Table;\n",
      'libToComponent',
    ],
    [
      'the console importing the backend’s domain',
      'web/src/lib/bad.ts',
      "import { ROLES } from '../../../shared/auth/roles.ts';\nexport const r = ROLES;\n",
      'outside',
    ],
  ])('fails lint on %s', async (_what, filePath, code, messageId) => {
    expect((await zoneErrors(filePath, code)).map((m) => m.messageId)).toEqual([messageId]);
  });

  it('lets the app import features, features import shared code, and a feature import itself', async () => {
    for (const [filePath, code] of [
      [
        'web/src/app/fine.tsx',
        "export { MemberPage } from './routes/member-page.tsx';\nexport * from '../features/members/api/keys.ts';\n",
      ],
      ['web/src/main.tsx', "import { App } from './app/app.tsx';\nexport const a = App;\n"],
      [
        'web/src/features/cards/components/fine.tsx',
        "import { useChangeCard } from '../api/use-change-card.ts';\nimport { Table } from '../../../components/table.tsx';\nimport { may } from '../../../lib/auth/authorization.ts';\nexport const all = [useChangeCard, Table, may];\n",
      ],
      [
        'web/src/components/fine.tsx',
        "import { useI18n } from '../lib/i18n/i18n-provider.tsx';\nexport const i = useI18n;\n",
      ],
    ])
      expect(await zoneErrors(filePath!, code!), filePath).toEqual([]);
  });
});
