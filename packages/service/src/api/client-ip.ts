import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Context } from 'hono';

/** What the adapters put in `c.env`: Node's request (`@hono/node-server`) or the Lambda event's context. */
type Bindings =
  | {
      incoming?: IncomingMessage;
      requestContext?: { identity?: { sourceIp?: string }; http?: { sourceIp?: string } };
    }
  | undefined;

/** The right-most `X-Forwarded-For` entry: the address the proxy in front of us saw. */
function forwardedFor(c: Context): string | undefined {
  const entry = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  return entry && isIP(entry) ? entry : undefined;
}

/**
 * The client address per-IP limits count against. Lambda: API Gateway's `sourceIp`. Node: the
 * socket's peer. With `trustProxy` (behind an ALB or API Gateway that appends to X-Forwarded-For) the
 * right-most entry wins; left-hand entries are the client's to write and never count. Undefined when
 * no address is known (then per-IP limits do not apply).
 */
export function clientIp(c: Context, trustProxy: boolean): string | undefined {
  const env = c.env as Bindings;
  const forwarded = trustProxy ? forwardedFor(c) : undefined;
  const lambda = env?.requestContext;
  const peer = lambda
    ? (lambda.identity?.sourceIp ?? lambda.http?.sourceIp)
    : env?.incoming?.socket?.remoteAddress;
  return forwarded ?? (peer ? normalize(peer) : undefined);
}

/** IPv4-mapped IPv6 as IPv4; other IPv6 addresses by /64, the smallest block one client usually holds. */
export function ipBucket(address: string): string {
  const ip = normalize(address);
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function normalize(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}
