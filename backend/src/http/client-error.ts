import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Problem } from './problem';

/**
 * Requests that Node's HTTP parser refuses before Express sees them (a request line or headers over
 * the size limit, a malformed request) are answered as problem+json too, not with a bare status line.
 */
export function answerClientErrorsAsProblems(server: Server) {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const problem = tooLarge
      ? new Problem(431, 'headers_too_large', 'Requête trop grande', 'L’adresse ou les en-têtes de la requête dépassent la taille permise.')
      : new Problem(400, 'malformed_request', 'Requête mal formée', 'La requête HTTP n’a pas pu être lue.');
    const body = JSON.stringify(problem.toDocument());
    socket.end(
      `HTTP/1.1 ${problem.status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
