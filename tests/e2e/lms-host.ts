/**
 * What stands in for a school's learning platform in the LMS end-to-end test, all on
 * loopback:
 * - a real Learning Record Store: Learning Locker's statement service (xapi-statements,
 *   statements API only), in a child process on a port the OS picks (lrs-server.cjs);
 * - a launcher serving the package's files, the cmi5 parts an LMS provides (one-time
 *   fetch URL, LMS.LaunchData and the attempt's state documents), and forwarding
 *   /xapi/statements to the LRS only with a token it issued (the LRS in test mode takes
 *   any credentials, so the check is here);
 * - a SCORM host page: scorm-again's API objects with the package in an iframe, whose
 *   commits the launcher records.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { unzipSync } from 'fflate';

export interface Lrs {
  url: string;
  /** Statements of one registration, oldest first. */
  statements(registration: string): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

const LRS_AUTH = `Basic ${Buffer.from('test:test').toString('base64')}`;
const XAPI_HEADERS = { Authorization: LRS_AUTH, 'X-Experience-API-Version': '1.0.3' };

export async function startLrs(): Promise<Lrs> {
  const child: ChildProcess = fork(new URL('./lrs-server.cjs', import.meta.url).pathname, [], {
    env: {
      ...process.env,
      AUTH_REPO: 'test',
      EVENTS_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'memory',
      // Overridden by lrs-server.cjs, which asks the OS for a free port.
      EXPRESS_PORT: '0',
      WINSTON_CONSOLE_LEVEL: 'error',
    },
    // Its log and an AWS SDK notice would only bury the test's output.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (message) => {
      if (typeof message === 'object' && message && 'port' in message)
        resolve((message as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the LRS exited (${code}) before listening`)));
  });
  const url = `http://127.0.0.1:${port}/xAPI/`;
  return {
    url,
    async statements(registration) {
      const query = new URLSearchParams({ registration, ascending: 'true', limit: '500' });
      const response = await fetch(`${url}statements?${query}`, { headers: XAPI_HEADERS });
      if (!response.ok)
        throw new Error(`LRS query: HTTP ${response.status} ${await response.text()}`);
      return ((await response.json()) as { statements: Record<string, unknown>[] }).statements;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.webm': 'audio/webm',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
};

export interface Cmi5Attempt {
  registration: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  activityId: string;
  masteryScore: number;
}

export interface Host {
  origin: string;
  /** Serves a package's files under /<name>/. */
  addPackage(name: string, zip: Uint8Array): Record<string, Uint8Array>;
  /**
   * The URL an LMS would open for this cmi5 AU launch (`auUrl` relative to the package).
   * With `forged`, the fetch URL hands out a token this LMS never issued.
   */
  cmi5Launch(name: string, auUrl: string, attempt: Cmi5Attempt, forged?: boolean): string;
  /** A page hosting the SCORM package in an iframe under scorm-again. */
  scormHostUrl(name: string, version: '1.2' | '2004', launch: string): string;
  /** Every commit scorm-again posted, in order. */
  commits: unknown[];
  /** Requests refused for a token this LMS did not issue. */
  refused: number;
  stop(): Promise<void>;
}

const SCORM_AGAIN = {
  '1.2': 'node_modules/scorm-again/dist/scorm12.js',
  '2004': 'node_modules/scorm-again/dist/scorm2004.js',
} as const;

function body(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startHost(lrs: Lrs): Promise<Host> {
  const packages = new Map<string, Record<string, Uint8Array>>();
  /** Issued tokens -> the attempt they belong to. */
  const tokens = new Map<string, Cmi5Attempt>();
  /** One-time fetch URLs -> token to hand out (used ones are deleted). */
  const fetchUrls = new Map<string, string>();
  const states = new Map<string, string>();
  const commits: unknown[] = [];
  let refused = 0;

  const send = (
    response: ServerResponse,
    status: number,
    text: string | Uint8Array = '',
    type = 'application/json',
  ) => {
    response.writeHead(status, { 'Content-Type': type });
    response.end(text);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path.startsWith('/fetch/') && request.method === 'POST') {
      const token = fetchUrls.get(path);
      fetchUrls.delete(path);
      // cmi5: a used or unknown fetch URL answers with an error code, not a token.
      return send(
        response,
        200,
        JSON.stringify(
          token ? { 'auth-token': token } : { 'error-code': '1', 'error-text': 'already used' },
        ),
      );
    }
    if (path.startsWith('/xapi/')) {
      const token = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      const attempt = tokens.get(token);
      if (!attempt) {
        refused++;
        return send(response, 401, JSON.stringify({ message: 'unknown token' }));
      }
      if (path === '/xapi/activities/state') {
        const stateId = url.searchParams.get('stateId') ?? '';
        const key = `${url.searchParams.get('registration')}|${stateId}`;
        if (stateId === 'LMS.LaunchData' && request.method === 'GET')
          return send(
            response,
            200,
            JSON.stringify({
              contextTemplate: {
                contextActivities: {
                  grouping: [
                    { id: attempt.activityId.replace(/\/au\/.*$/, ''), objectType: 'Activity' },
                  ],
                },
                extensions: {
                  'https://w3id.org/xapi/cmi5/context/extensions/sessionid': randomUUID(),
                },
              },
              launchMode: 'Normal',
              launchMethod: 'AnyWindow',
              moveOn: 'CompletedAndPassed',
              masteryScore: attempt.masteryScore,
            }),
          );
        if (request.method === 'GET') {
          const saved = states.get(key);
          return saved === undefined ? send(response, 404) : send(response, 200, saved);
        }
        if (request.method === 'PUT' || request.method === 'POST') {
          states.set(key, (await body(request)).toString('utf8'));
          return send(response, 204);
        }
        if (request.method === 'DELETE') {
          states.delete(key);
          return send(response, 204);
        }
      }
      if (path === '/xapi/statements' && request.method === 'POST') {
        const forwarded = await fetch(`${lrs.url}statements`, {
          method: 'POST',
          headers: { ...XAPI_HEADERS, 'Content-Type': 'application/json' },
          body: (await body(request)).toString('utf8'),
        });
        return send(response, forwarded.status, await forwarded.text());
      }
      return send(response, 404);
    }
    if (path === '/commit' && request.method === 'POST') {
      commits.push(JSON.parse((await body(request)).toString('utf8')));
      return send(response, 200, JSON.stringify({ result: true, errorCode: 0 }));
    }
    const scormAgain = /^\/scorm-again\/(1\.2|2004)\.js$/.exec(path)?.[1] as
      | '1.2'
      | '2004'
      | undefined;
    if (scormAgain)
      return send(response, 200, readFileSync(SCORM_AGAIN[scormAgain]), 'text/javascript');
    if (path === '/scorm-host.html') {
      const version = url.searchParams.get('version') === '2004' ? '2004' : '1.2';
      const apiName = version === '1.2' ? 'API' : 'API_1484_11';
      const apiClass = version === '1.2' ? 'Scorm12API' : 'Scorm2004API';
      const launch = url.searchParams.get('launch') ?? '';
      return send(
        response,
        200,
        `<!doctype html><meta charset="utf-8"><title>SCORM host</title>
<script src="/scorm-again/${version}.js"></script>
<script>window.${apiName} = new ${apiClass}({ lmsCommitUrl: '/commit', dataCommitFormat: 'flattened', autocommit: false, logLevel: 5 });</script>
<iframe title="Flag the Feed" src="${launch.replace(/"/g, '&quot;')}" style="width:1200px;height:760px;border:0"></iframe>`,
        'text/html; charset=utf-8',
      );
    }
    const [, name, ...rest] = path.split('/');
    const files = packages.get(name ?? '');
    const file = files?.[decodeURIComponent(rest.join('/')) || 'index.html'];
    if (!file) return send(response, 404, 'not found', 'text/plain');
    return send(
      response,
      200,
      Buffer.from(file),
      TYPES[extname(path)] ?? 'application/octet-stream',
    );
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) =>
      send(response, 500, error.message, 'text/plain'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    addPackage(name, zip) {
      const files = unzipSync(zip);
      packages.set(name, files);
      return files;
    },
    cmi5Launch(name, auUrl, attempt, forged = false) {
      const token = randomUUID();
      if (!forged) tokens.set(token, attempt);
      const fetchPath = `/fetch/${randomUUID()}`;
      fetchUrls.set(fetchPath, token);
      const launch = new URL(`${origin}/${name}/${auUrl}`);
      launch.searchParams.set('endpoint', `${origin}/xapi/`);
      launch.searchParams.set('fetch', `${origin}${fetchPath}`);
      launch.searchParams.set('actor', JSON.stringify(attempt.actor));
      launch.searchParams.set('registration', attempt.registration);
      launch.searchParams.set('activityId', attempt.activityId);
      return launch.toString();
    },
    scormHostUrl(name, version, launch) {
      const query = new URLSearchParams({ version, launch: `/${name}/${launch}` });
      return `${origin}/scorm-host.html?${query}`;
    },
    commits,
    get refused() {
      return refused;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
