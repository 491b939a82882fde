import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../infra/local/register.ts';
import { audienceSection, measureAudience } from './audience.ts';
import { withSection } from './console.ts';

/** `npm run bench:audience`: only the campaign audience's figures, put into BENCHMARKS.md in place of their section. */
const section = audienceSection(await measureAudience(Number(process.env.BENCH_AUDIENCE_MEMBERS ?? 100_000)));
const file = join(PROJECT_ROOT, 'BENCHMARKS.md');
writeFileSync(file, withSection(readFileSync(file, 'utf8'), section));
console.log(section);
