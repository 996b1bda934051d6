import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';

const ANSWERS: Record<string, [status: number, reason: string, detail: string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request took too long to arrive.'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'The request line and headers exceed 16 KiB.'],
};

/**
 * Requests Node's HTTP parser refuses before any route sees them (oversized headers, timeouts,
 * malformed requests) are answered `{"detail": "..."}` with a request id, the shape both dialects
 * give such errors, instead of Fastify's default `{"error", "message", "statusCode"}`.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, detail] = ANSWERS[error.code ?? ''] ?? [400, 'Bad Request', 'The request is malformed.'];
  const body = JSON.stringify({ detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
