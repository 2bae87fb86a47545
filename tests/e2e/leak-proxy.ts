/**
 * A "proxy" on 127.0.0.1 that forwards nothing: both browsers are pointed at it, so any connection
 * the request interception did not answer (browser housekeeping, an extension background fetch)
 * ends here, is refused, and is recorded. Tests assert that it saw nothing.
 */
import net from 'node:net';

export interface LeakProxy {
  port: number;
  /** First request line of every connection attempt, e.g. "CONNECT example.com:443 HTTP/1.1". */
  attempts: string[];
  close(): Promise<void>;
}

export async function startLeakProxy(): Promise<LeakProxy> {
  const attempts: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (chunk) => {
      attempts.push(chunk.toString('latin1').split('\r\n', 1)[0] ?? '');
      socket.end('HTTP/1.1 502 Lamplight tests allow no network\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
