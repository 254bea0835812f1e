import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP proxy in front of a local server that records every request's method and path. */
export interface RequestLogProxy {
  /** `http://127.0.0.1:<port>`, to use as the S3 endpoint. */
  endpoint: string;
  /** `GET /bucket?list-type=2&prefix=a%2F`, one line per request, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 forwarding to `target` (`http://127.0.0.1:<port>`). */
export async function startRequestLogProxy(target: string): Promise<RequestLogProxy> {
  const to = new URL(target);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const upstream = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', (err) => res.destroy(err));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
