import { describe, expect, it } from 'vitest';
import { sniffMagic } from '../../src/formats/magic.ts';
import { type RtfPart, RtfText } from '../../src/formats/rtf-text.ts';

/** The paragraphs of an RTF source, read in pieces of `piece` characters. */
function paragraphs(rtf: string, piece = rtf.length): [RtfPart, string][] {
  const out: [RtfPart, string][] = [];
  const reader = new RtfText((text, part) => out.push([part, text]));
  for (let i = 0; i < rtf.length; i += piece) reader.write(rtf.slice(i, i + piece));
  reader.end();
  return out;
}

describe('RtfText', () => {
  it('drops control words and joins a word split across formatting groups', () => {
    expect(
      paragraphs('{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 token ghp_ab{\\b cd}ef\\par next\\par}'),
    ).toEqual([
      ['document', 'token ghp_abcdef'],
      ['document', 'next'],
    ]);
  });

  it('decodes hex escapes in the code page and \\u escapes, skipping their fallback', () => {
    expect(
      paragraphs("{\\rtf1\\ansi\\ansicpg1252 Ren\\'e9 \\u8364?5 {\\uc2\\u20320\\'c4\\'e3}\\par}"),
    ).toEqual([['document', 'René €5 你']]);
  });

  it('passes over pictures, binary data and unknown \\* destinations', () => {
    const binary = `\\bin6 }{}\\{x`;
    expect(
      paragraphs(
        `{\\rtf1 a{\\pict\\pngblip 89504e47}b{\\*\\xyz secret}c{\\object{\\*\\objdata 0102}${binary}}d\\par}`,
      ),
    ).toEqual([['document', 'abcd']]);
  });

  it('puts headers, footers, notes, comments and document information in their parts', () => {
    const rtf =
      '{\\rtf1{\\info{\\title Memo}{\\author Jane Roe}}{\\header\\pard call +44 20 7946 0958\\par}' +
      'body{\\*\\atnauthor Jane}\\chatn{\\*\\annotation\\pard note text}{\\footnote\\pard foot}\\par}';
    expect(paragraphs(rtf)).toEqual([
      ['properties', 'Memo\nJane Roe\n'],
      ['header', 'call +44 20 7946 0958'],
      ['comments', 'note text'],
      ['footnotes', 'foot'],
      ['document', 'body'],
    ]);
  });

  it('reads the same text whatever the pieces it arrives in', () => {
    const rtf = "{\\rtf1\\ansi\\ansicpg1252 Ren\\'e9 {\\b key}: \\u8364?ab\\par{\\*\\x y}tail\\par}";
    expect(paragraphs(rtf, 1)).toEqual(paragraphs(rtf));
  });

  it('ends unbalanced or truncated input without throwing, and says whether it was whole', () => {
    expect(paragraphs('{\\rtf1 open {\\b text \\u83')).toEqual([['document', 'open text S']]);
    expect(paragraphs('}}}{\\rtf1 x}}}')).toEqual([['document', 'x']]);
    const ends = (rtf: string) => {
      const reader = new RtfText(() => {});
      reader.write(rtf);
      return reader.end();
    };
    expect(ends('{\\rtf1 whole {\\b text}\\par}\r\n')).toBe(true);
    expect(ends('{\\rtf1 cut {\\b text}')).toBe(false);
    expect(ends('{\\rtf1 {\\bin9 ab}')).toBe(false);
  });

  it('keeps reading past groups nested deeper than it holds', () => {
    const deep = `{\\rtf1 a${'{'.repeat(100_000)}b${'}'.repeat(100_000)}c\\par}`;
    expect(paragraphs(deep)).toEqual([['document', 'abc']]);
  });

  it('is told by its first bytes', () => {
    expect(sniffMagic(Buffer.from('{\\rtf1\\ansi hello}'))).toBe('rtf');
    expect(sniffMagic(Buffer.from('{"rtf": 1}'))).toBeUndefined();
  });
});
