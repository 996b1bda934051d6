import { protocol } from '@electric-sql/pglite';
import fc from 'fast-check';
import { keepLeadingBom } from '../../../src/database/pglite-leading-bom';

type Parser = { parse(buffer: Uint8Array, callback: (message: { name: string; fields?: (string | null)[] }) => void): void };

/** A DataRow message ('D', length, field count, then each field's length and UTF-8 bytes; -1 for null). */
function dataRow(fields: (string | null)[]): Buffer {
  const parts = fields.map((field) => {
    if (field === null) return Buffer.from([0xff, 0xff, 0xff, 0xff]);
    const bytes = Buffer.from(field, 'utf8');
    const length = Buffer.alloc(4);
    length.writeInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  });
  const count = Buffer.alloc(2);
  count.writeInt16BE(fields.length);
  const body = Buffer.concat([count, ...parts]);
  const header = Buffer.alloc(5);
  header.write('D');
  header.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** CommandComplete ('C', a C string). */
function commandComplete(tag: string): Buffer {
  const body = Buffer.from(`${tag}\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('C');
  header.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** Feeds `bytes` to a parser in the given chunk sizes; the rows it hands on. */
function parseInChunks(bytes: Buffer, sizes: number[]): (string | null)[][] {
  const parser = new (protocol.Parser as unknown as new () => Parser)();
  const rows: (string | null)[][] = [];
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? bytes.length);
    parser.parse(new Uint8Array(bytes.subarray(offset, offset + size)), (message) => {
      if (message.name === 'dataRow') rows.push(message.fields!);
    });
    offset += size;
  }
  return rows;
}

describe('PGlite rows keep a leading byte-order mark', () => {
  beforeAll(() => keepLeadingBom(protocol.Parser as never));

  it('in any field, whole or in chunks of any size', () => {
    const rows = [['\ufeffz', 'plain', null, '', '\ufeff'], ['\ufeff\ufeffx', 'a\ufeff', '\ufeffé😀'], []];
    const bytes = Buffer.concat([...rows.map(dataRow), commandComplete('SELECT 3')]);
    for (const sizes of [[bytes.length], [1], [2, 3, 5], [7], [13, 1]]) expect(parseInChunks(bytes, sizes)).toEqual(rows);
  });

  it('for any text and any chunking (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ maxLength: 4 }).map((s) => `\ufeff${s}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(text, { nil: null }), { maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        (rows, sizes) => {
          const bytes = Buffer.concat([...rows.map(dataRow), commandComplete('SELECT')]);
          expect(parseInChunks(bytes, sizes)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is applied once however often it is asked for', () => {
    const before = (protocol.Parser as unknown as { prototype: Parser }).prototype.parse;
    keepLeadingBom(protocol.Parser as never);
    expect((protocol.Parser as unknown as { prototype: Parser }).prototype.parse).toBe(before);
    expect(parseInChunks(dataRow(['\ufeffonce']), [1])).toEqual([['\ufeffonce']]);
  });
});
