import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { type Server, connect, createServer } from 'node:net';
import { join } from 'node:path';
import { type ProgressMessage, type ProgressSink, progressMessages, replayProgress } from './cli-progress';
import type { CliResult } from './cli-runner';

/**
 * The embedded database is open in one process only. While the server runs, it listens on a Unix
 * socket in its data directory (in a folder only its user may enter) and runs the CLI's command lines
 * for it: the CLI sends `{"argv": [...], "env": {...}, "cwd": ...}` as one JSON line; the server answers with
 * progress messages (`{"progress": [...]}`, one a line) while the command runs, then the result line.
 */
export interface CommandLineRequest {
  argv: string[];
  env: { SCOREKEEPER_USER_PASSWORD?: string };
  /** The CLI's working folder (relative file names are the CLI's, not the server's). */
  cwd?: string;
}

const MAX_REQUEST_BYTES = 64 * 1024;

export const cliSocketPath = (dataDir: string): string => join(dataDir, 'cli', 'scorekeeper.sock');

function parseRequest(line: string): CommandLineRequest | null {
  try {
    const value = JSON.parse(line) as Partial<CommandLineRequest>;
    if (!Array.isArray(value.argv) || !value.argv.every((arg) => typeof arg === 'string')) return null;
    const password = value.env?.SCOREKEEPER_USER_PASSWORD;
    return {
      argv: value.argv,
      env: typeof password === 'string' ? { SCOREKEEPER_USER_PASSWORD: password } : {},
      ...(typeof value.cwd === 'string' ? { cwd: value.cwd } : {}),
    };
  } catch {
    return null;
  }
}

/** Serves command lines on `path` until closed; a socket left by a process that died is replaced. */
export async function serveCommandLines(
  path: string,
  run: (request: CommandLineRequest, progress: ProgressSink) => Promise<CliResult>,
): Promise<Server> {
  const folder = join(path, '..');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) {
        if (buffer.length > MAX_REQUEST_BYTES) socket.destroy();
        return;
      }
      socket.pause();
      const request = parseRequest(buffer.slice(0, newline));
      const progress = progressMessages((message) => socket.writable && socket.write(`${JSON.stringify(message)}\n`));
      const result = request ? run(request, progress) : Promise.resolve({ code: 2, stdout: [], stderr: ['Malformed command line'] });
      void result.then((answer) => socket.end(`${JSON.stringify(answer)}\n`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(path, 0o600);
  server.unref();
  return server;
}

/** Sends a command line to the server listening on `path`, replaying its progress on `progress`; null when none listens there. */
export function sendCommandLine(path: string, request: CommandLineRequest, progress: ProgressSink): Promise<CliResult | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let answer = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => {
      answer += chunk;
      for (let newline = answer.indexOf('\n'); newline >= 0 && answer.startsWith('{"progress"'); newline = answer.indexOf('\n')) {
        replayProgress(JSON.parse(answer.slice(0, newline)) as ProgressMessage, progress);
        answer = answer.slice(newline + 1);
      }
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected && ['ENOENT', 'ECONNREFUSED', 'ENOTSOCK'].includes(error.code ?? '')) resolve(null);
      else reject(error);
    });
    socket.once('end', () => {
      try {
        resolve(JSON.parse(answer) as CliResult);
      } catch {
        reject(new Error('The server closed the connection without an answer'));
      }
    });
  });
}
