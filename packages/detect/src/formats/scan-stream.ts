import { readGzip } from './gzip-reader.ts';
import { peek } from './peek.ts';
import { SNIFF_BYTES, sniff } from './sniff.ts';
import { readTar } from './tar-reader.ts';
import { readText } from './text-reader.ts';
import type { WalkContext } from './walk-context.ts';
import { readZip } from './zip-reader.ts';

/** What became of one stream: scanned as text/archive, or skipped as binary. */
export type StreamOutcome = 'scanned' | 'binary';

/**
 * Scans one stream of any supported format: sniffs it, unwraps gzip/zip/tar layers (each
 * member recursing here one level deeper) and hands text to the engine. `archivePath` names
 * the member inside the object (`inner.tar!dir/file.txt`), undefined at the top level.
 */
export async function scanStream(
  ctx: WalkContext,
  source: AsyncIterable<Uint8Array>,
  name: string,
  depth: number,
  archivePath: string | undefined,
): Promise<StreamOutcome> {
  const { head, stream } = await peek(source, SNIFF_BYTES);
  const format = sniff(head);
  const memberPath = (member: string) => (archivePath === undefined ? member : `${archivePath}!${member}`);
  const isAllowed = (member: string) => !ctx.engine.allowlist.allowsPath(memberPath(member));
  switch (format) {
    case 'binary':
      return 'binary';
    case 'gzip':
      ctx.enter(depth + 1);
      await readGzip(ctx, stream, name, async (inner, innerName) => {
        await scanStream(ctx, inner, innerName, depth + 1, archivePath);
      });
      return 'scanned';
    case 'zip':
    case 'tar': {
      ctx.enter(depth + 1);
      const scanMember = async (inner: AsyncIterable<Uint8Array>, member: string) => {
        ctx.enter(depth + 1);
        await scanStream(ctx, inner, member, depth + 1, memberPath(member));
      };
      if (format === 'zip') await readZip(ctx, stream, scanMember, isAllowed);
      else await readTar(ctx, stream, scanMember, isAllowed);
      return 'scanned';
    }
    default:
      await readText(ctx, stream, name, format, archivePath);
      return 'scanned';
  }
}
