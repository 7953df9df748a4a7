import http from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { ExitCode } from '../../src/cli/exit-codes';
import { ensureBuiltCli } from './helpers/built-cli';
import { finished, runCli, spawnCli } from './helpers/run-cli';

beforeAll(ensureBuiltCli, 180_000);

interface Startup {
  url: string;
  tokens: Record<string, string>;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end >= 0) resolve(text.slice(0, end));
    });
    child.on('exit', () => reject(new Error(`exited before printing a line: ${text}`)));
  });
}

function statusOf(url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

describe('groove-connector sandbox', () => {
  it('prints its url and tokens on one line, serves Groove v1, and exits 0 on SIGTERM', async () => {
    const child = spawnCli(['sandbox', '--port', '0', '--seed', '7', '--tickets', '30']);
    const done = finished(child);

    const startup = JSON.parse(await firstLine(child)) as Startup;
    const status = await statusOf(`${startup.url}/v1/tickets`, startup.tokens['admin'] ?? '');
    child.kill('SIGTERM');
    const run = await done;

    expect(startup.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(startup.tokens).sort()).toEqual(['admin', 'agent', 'expired', 'revoked']);
    expect(status).toBe(200);
    expect(run.code).toBe(ExitCode.success);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toContain(startup.tokens['admin']);
  });

  it('refuses a flag it does not know, naming it, with the configuration exit code', async () => {
    const run = await runCli(['sandbox', '--prot', '80']);

    expect(run.code).toBe(ExitCode.configuration);
    expect(run.stderr).toContain('--prot: not a flag of this command');
    expect(run.stdout).toBe('');
  });

  it('refuses a malformed value with the configuration exit code', async () => {
    const run = await runCli(['sandbox', '--tickets', 'many']);

    expect(run.code).toBe(ExitCode.configuration);
    expect(run.stderr).toContain('--tickets must be a whole number');
  });
});
