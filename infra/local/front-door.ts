import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { CONSOLE_PATHS, consoleSecurityHeaders, type ConsoleConfig } from '../../shared/contract/console.ts';
import { gatewayAnswer, type ApiListener } from './server.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * What CloudFront does in AWS, on one local port: /oidc is the sign-in (Cognito there), /api the API
 * with the prefix stripped, and everything else the console's files with its security headers, a
 * path without a file extension answered by index.html (the console routes it). The API's own paths
 * are also served without the prefix, as the DESIGN's local contract has them.
 */
export function createFrontDoor(options: {
  api: ApiListener;
  oidc: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** The built console (web/dist); missing before `npm run build`. */
  consoleDir: string;
  config: () => ConsoleConfig;
}): Server {
  const headers = consoleSecurityHeaders();

  function serveConsole(res: ServerResponse, path: string) {
    if (path === CONSOLE_PATHS.config) {
      res.writeHead(200, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(options.config()));
      return;
    }
    const index = join(options.consoleDir, 'index.html');
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The console is not built: run `npm run build`, then start again.\n');
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    const file = normalize(join(options.consoleDir, decoded));
    const inside = file.startsWith(options.consoleDir + sep);
    const found = inside && existsSync(file) && statSync(file).isFile();
    if (!found && extname(path)) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const served = found ? file : index;
    res.writeHead(200, {
      ...headers,
      'content-type': CONTENT_TYPES[extname(served)] ?? 'application/octet-stream',
      // Hashed asset names never change; the page that names them must be fetched fresh.
      'cache-control': served.includes(`${sep}assets${sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    createReadStream(served).pipe(res);
  }

  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const fail = () => {
      if (!res.headersSent) gatewayAnswer(res, 500, 'Internal Server Error');
    };
    if (path === '/oidc' || path.startsWith('/oidc/')) {
      options.oidc(req, res).catch(fail);
      return;
    }
    if (path.startsWith(`${CONSOLE_PATHS.api}/`)) {
      options.api.handle(req, res, path.slice(CONSOLE_PATHS.api.length)).catch(fail);
      return;
    }
    if (options.api.serves(path)) {
      options.api.handle(req, res, path).catch(fail);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return gatewayAnswer(res, 404, 'Not Found');
    serveConsole(res, path);
  });
}
