import { ACCOUNT_NOTICE_JOB, sendAccountNotice } from '../../shared/accounts/notices.ts';
import { jobEntry, jobHandler } from '../../shared/lambda/job-handler.ts';
import { accountNotices, mailer } from '../../shared/store/default-stores.ts';

/** Asked for in the same write as a change of a member's account link: the notice, by email. */
export const entry = jobEntry({
  job: ACCOUNT_NOTICE_JOB,
  name: 'account notice sent',
  run: (event: { notice: string }) =>
    sendAccountNotice(event, { notices: accountNotices(), mailer: mailer() }),
});

export const handler = jobHandler(entry);
