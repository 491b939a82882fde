import { describe, expect, it } from 'vitest';
import { API_PREFIX_CODE, CONSOLE_ROUTES_CODE } from '../../infra/constructs/console.ts';

type Handler = (event: { request: { uri: string } }) => { uri: string };
// The functions' own source, as CloudFront runs it (a viewer-request event in, the request out).
const load = (code: string) => new Function(`${code}; return handler;`)() as Handler;
const uriAfter = (code: string, uri: string) => load(code)({ request: { uri } }).uri;

describe('the CloudFront functions in front of the console and the API', () => {
  it('answer a console route with index.html, and a file with itself', () => {
    expect(uriAfter(CONSOLE_ROUTES_CODE, '/member/1234567897')).toBe('/index.html');
    expect(uriAfter(CONSOLE_ROUTES_CODE, '/')).toBe('/index.html');
    expect(uriAfter(CONSOLE_ROUTES_CODE, '/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
    expect(uriAfter(CONSOLE_ROUTES_CODE, '/config.json')).toBe('/config.json');
  });

  it('strip /api so that the API sees its own paths', () => {
    expect(uriAfter(API_PREFIX_CODE, '/api/members/1234567897')).toBe('/members/1234567897');
    expect(uriAfter(API_PREFIX_CODE, '/api/purchases')).toBe('/purchases');
  });
});
