import { connect } from 'node:net';

export interface SlowClientResult {
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfterMs: number;
  /** What the server wrote before closing. */
  response: string;
  /** How many chunks the client managed to send. */
  sent: number;
}

/**
 * A slow client: connects, then writes `chunks` one every `intervalMs` (a slowloris when they are
 * header lines), and waits for the server to close the connection (or `giveUpMs`).
 */
export function slowClient(port: number, chunks: string[], intervalMs: number, giveUpMs: number): Promise<SlowClientResult> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    let response = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ closedAfterMs: Date.now() - started, response, sent });
    };
    const giveUp = setTimeout(finish, giveUpMs);
    socket.on('data', (data) => (response += data.toString()));
    socket.on('close', finish);
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      timer = setInterval(() => {
        if (sent < chunks.length && !socket.destroyed) socket.write(chunks[sent++]);
      }, intervalMs);
    });
  });
}
