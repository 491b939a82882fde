import { expect } from 'vitest';
import { setClock, TEST_DAY } from './clock.ts';

// Every test file starts at the tests' day. The browser journeys keep the machine's clock: Chromium
// checks the tokens' expiry against its own, and no journey depends on the date.
if (!expect.getState().testPath?.includes('/test/e2e/')) setClock(TEST_DAY);
