import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as routeModule from '../../shared/contract/routes.ts';
import type { RouteSpec } from '../../shared/contract/route.ts';
import { jobRequestHandler, jobs, objectEvents } from '../../shared/contract/jobs.ts';
import { signInTrigger, signUpTrigger } from '../../shared/contract/identity.ts';

const FUNCTIONS = join(import.meta.dirname, '../../functions');
const entryPoints = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entryPoints(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [relative(FUNCTIONS, join(dir, entry.name)).replace(/\.ts$/, '')]
        : [],
  );

describe('the contract tables', () => {
  it('list every route the module exports: none is left undeployed', () => {
    const exported = Object.entries(routeModule)
      .filter(([, value]) => value && typeof value === 'object' && 'handler' in value && 'path' in value)
      .map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(routeModule.routes).sort());
  });

  it('give every entry point under functions/ to exactly one route, job, object event, stream reader or trigger', () => {
    const handlers = [
      ...routeModule.routeList.map((route) => route.handler),
      ...Object.values(jobs).map((job) => job.handler),
      ...objectEvents.map((event) => event.handler),
      jobRequestHandler.handler,
      signInTrigger.handler,
      signUpTrigger.handler,
    ];
    const files = entryPoints(FUNCTIONS);
    expect([...handlers].sort()).toEqual([...files].sort());
    expect(new Set(handlers).size).toBe(handlers.length);
  });

  it('record each job’s runs under its name in the contract, which the console lists', async () => {
    const named = [
      ...Object.entries(jobs).map(([name, job]) => [name, job.handler] as const),
      ...objectEvents.map((event) => [event.job, event.handler] as const),
    ];
    for (const [name, handler] of named) {
      const module = (await import(join(FUNCTIONS, `${handler}.ts`))) as { entry: { job: string } };
      expect(module.entry.job, handler).toBe(name);
    }
  });

  it('lets a job run on demand record its run and clear the way for the next press', () => {
    for (const [name, job] of Object.entries(jobs)) {
      if (!('onDemand' in job)) continue;
      expect(job.tableActions, name).toEqual(expect.arrayContaining(['PutItem', 'DeleteItem']));
      expect('startedByApi' in job && job.startedByApi, name).toBe(true);
    }
  });

  it('lets a route start only a job that its requests start, by writing the request and nothing else', () => {
    const starting = Object.values(routeModule.routes as Record<string, RouteSpec>).filter(
      (route) => route.startsJob,
    );
    const startedByApi = Object.entries(jobs)
      .filter(([, job]) => 'startedByApi' in job && job.startedByApi)
      .map(([name]) => name);
    expect(starting.flatMap((route) => [route.startsJob].flat()).sort()).toEqual(startedByApi.sort());
    expect(routeModule.runJobNow.tableActions).toEqual(['PutItem', 'DeleteItem']);
    for (const route of starting) {
      expect(route.tableActions, route.path).toContain('PutItem');
      expect(route.bucketPrefixes, route.path).toBeUndefined();
    }
  });
});
