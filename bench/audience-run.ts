import { audienceSection, measureAudience } from './audience.ts';
import { writeSection } from './measured.ts';

/** `npm run bench:audience`: only the campaign audience's figures, put into BENCHMARKS.md in place of their section. */
writeSection(audienceSection(await measureAudience(Number(process.env.BENCH_AUDIENCE_MEMBERS ?? 100_000))));
