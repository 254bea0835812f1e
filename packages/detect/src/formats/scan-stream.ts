import { ScanStop } from '../limits.ts';
import { readGzip } from './gzip-reader.ts';
import { isEncryptedOoxml, ole2Kind, sniffMagic, zipDocument } from './magic.ts';
import { peek } from './peek.ts';
import { SNIFF_BYTES, sniff } from './sniff.ts';
import { readTar } from './tar-reader.ts';
import { readText } from './text-reader.ts';
import type { WalkContext } from './walk-context.ts';
import { readZip } from './zip-reader.ts';

/** What became of one stream: scanned as text/archive, or passed over as binary (no part was text). */
export type StreamOutcome = 'scanned' | 'binary';

/**
 * Scans one stream of any supported format: sniffs it by content, unwraps compression and
 * archive layers (each member recursing here one level deeper), reads documents and data files
 * through their own readers, and hands text to the engine. `archivePath` names the member
 * inside the object (`inner.tar!dir/file.txt`), undefined at the top level. Readers of the
 * rarer formats are loaded only when such a stream turns up. Decompressed content is judged
 * exactly as plain content: text and binary stretches are told apart block by block; a stream
 * with both is scanned where it is text and marks the object PARTIAL `BINARY_CONTENT`; a
 * stream with no text at all is `binary`.
 */
export async function scanStream(
  ctx: WalkContext,
  source: AsyncIterable<Uint8Array>,
  name: string,
  depth: number,
  archivePath: string | undefined,
): Promise<StreamOutcome> {
  const { head, stream } = await peek(source, SNIFF_BYTES);
  const memberPath = (member: string) => (archivePath === undefined ? member : `${archivePath}!${member}`);
  const isAllowed = (member: string) => !ctx.engine.allowlist.allowsPath(memberPath(member));
  // A compression layer's outcome is its content's: a gzip of binary is binary.
  let innerOutcome: StreamOutcome = 'scanned';
  const scanInner = async (inner: AsyncIterable<Uint8Array>, innerName: string) => {
    innerOutcome = await scanStream(ctx, inner, innerName, depth + 1, archivePath);
  };
  const magic = sniffMagic(head);
  switch (magic) {
    case 'bzip2':
    case 'xz':
    case 'zstd': {
      ctx.enter(depth + 1);
      const { readCompressed } = await import('./stream-decompress.ts');
      await readCompressed(ctx, magic, stream, name, scanInner);
      return innerOutcome;
    }
    case 'pdf': {
      const { readPdf } = await import('./pdf-reader.ts');
      await readPdf(ctx, stream, archivePath, async (inner, member) => {
        ctx.enter(depth + 1);
        await scanStream(ctx, inner, member, depth + 1, memberPath(member));
      });
      return 'scanned';
    }
    case 'rtf': {
      const { readRtf } = await import('./rtf-reader.ts');
      await readRtf(ctx, stream, archivePath);
      return 'scanned';
    }
    case 'parquet': {
      const { readParquet } = await import('./parquet-reader.ts');
      await readParquet(ctx, stream, depth === 0 ? ctx.random : undefined, archivePath);
      return 'scanned';
    }
    case 'avro': {
      const { readAvro } = await import('./avro-reader.ts');
      await readAvro(ctx, stream, archivePath);
      return 'scanned';
    }
    case 'email':
    case 'mbox': {
      const { readMail } = await import('./email-reader.ts');
      await readMail(ctx, stream, magic, depth, archivePath);
      return 'scanned';
    }
    case 'ole2':
      if (isEncryptedOoxml(head, name)) {
        throw new ScanStop(
          'ENCRYPTED',
          'the Office document is password-protected (encrypted package)',
          false,
        );
      }
      throw new ScanStop(
        'UNSUPPORTED_FORMAT',
        `${ole2Kind(name)} is not read; convert it to its XML format`,
        false,
      );
    case 'orc':
      throw new ScanStop(
        'UNSUPPORTED_FORMAT',
        'ORC files are not read (no maintained JavaScript reader)',
        false,
      );
    default:
      break;
  }
  const format = sniff(head);
  switch (format) {
    case 'gzip': {
      ctx.enter(depth + 1);
      await readGzip(ctx, stream, name, scanInner);
      return innerOutcome;
    }
    case 'zip':
    case 'tar': {
      ctx.enter(depth + 1);
      const scanMember = async (inner: AsyncIterable<Uint8Array>, member: string) => {
        ctx.enter(depth + 1);
        await scanStream(ctx, inner, member, depth + 1, memberPath(member));
      };
      const document = format === 'zip' ? zipDocument(head, name) : undefined;
      if (document) {
        const { readOffice } = await import('./office/office-reader.ts');
        await readOffice(ctx, stream, document, archivePath, scanMember, isAllowed);
      } else if (format === 'zip') await readZip(ctx, stream, scanMember, isAllowed);
      else await readTar(ctx, stream, scanMember, isAllowed);
      return 'scanned';
    }
    default: {
      const binary = format === 'binary';
      const { textBytes, binaryBytes } = await readText(
        ctx,
        stream,
        name,
        binary ? 'utf8' : format,
        archivePath,
        binary,
      );
      if (binaryBytes === 0) return 'scanned';
      if (textBytes === 0) return 'binary';
      const where = archivePath === undefined ? '' : ` in ${archivePath}`;
      ctx.soft('BINARY_CONTENT', `${binaryBytes} bytes of binary content${where} were passed over`);
      return 'scanned';
    }
  }
}
