import { routes, openApi as route } from '../../shared/contract/routes.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';

let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = apiHandler(route, async () => (document ??= openApiDocument(routes)));
