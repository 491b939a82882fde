import { recordsOfProcessing as route } from '../../../shared/contract/routes/privacy.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { deployedDataLocation } from '../../../shared/lambda/data-location.ts';
import { recordsOfProcessing } from '../../../shared/privacy/notice.ts';

export const handler = apiHandler(route, async () => recordsOfProcessing(deployedDataLocation()));
