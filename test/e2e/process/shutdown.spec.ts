import { connect } from 'node:net';
import { spawnServer } from '../../support/server-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, and exits 0', async () => {
    const server = await spawnServer({
      SCOREKEEPER_DATA_DIR: 'memory://',
      SCOREKEEPER_ADMIN_EMAIL: 'admin@example.test',
      SCOREKEEPER_ADMIN_PASSWORD: 'correct horse',
      SCOREKEEPER_ADMIN_API_KEY: 'sk-shutdown-test-key-0123456789abcdef',
    });
    const body = JSON.stringify({ api_key: 'sk-shutdown-test-key-0123456789abcdef' });
    const socket = connect(server.port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString()));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /login/api_key HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await sleep(300);

    server.child.kill('SIGTERM');
    await sleep(500);
    await expect(fetch(`${server.baseUrl}/healthcheck`)).rejects.toThrow();

    socket.end(body.slice(10));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(response).toContain('"access_token"');
    expect(await server.exited).toBe(0);
  });
});
