// Requests Node's HTTP parser rejects before Koa sees them (oversized headers, a broken request
// line, a header timeout) get the same JSON error shape as everything else, instead of Node's
// bare status line with an empty body. Nothing of the request is echoed or logged.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../errors';
import type { Logger } from '../logger';

interface ClientErrorAnswer {
  status: number;
  reason: string;
  code: string;
  message: string;
}

function answerFor(errorCode: string | undefined): ClientErrorAnswer {
  switch (errorCode) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, reason: 'Request Header Fields Too Large', code: 'headers_too_large', message: 'The request headers are too large.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, reason: 'Request Timeout', code: 'request_timeout', message: 'The request took too long to arrive.' };
    default:
      return { status: 400, reason: 'Bad Request', code: 'bad_request', message: 'The request is not valid HTTP.' };
  }
}

export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
    // A reset or a half-written socket has nobody left to answer.
    if (error.code === 'ECONNRESET' || !socket.writable || (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const answer = answerFor(error.code);
    const requestId = randomUUID();
    const body: ErrorBody = { error: { code: answer.code, message: answer.message, requestId } };
    const json = JSON.stringify(body);
    logger.info({ requestId, status: answer.status, parserCode: error.code }, 'client error');
    socket.end(
      `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Cache-Control: no-store\r\n' +
        'Connection: close\r\n\r\n' +
        json,
    );
  });
}
