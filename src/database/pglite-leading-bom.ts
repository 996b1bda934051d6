/**
 * PGlite (0.5) decodes every text field of a result row with `new TextDecoder('utf-8')`, whose default
 * strips a leading byte-order mark: a value stored as "\ufeffz" reads back as "z" (PostgreSQL's own
 * driver keeps it). This puts the mark back: PGlite's protocol parser is wrapped so that it frames the
 * same bytes it is given, notes which fields of each data row start with the UTF-8 encoding of U+FEFF,
 * and restores the character in the row it hands on. The check reads the length prefixes only; rows
 * without such a field are passed on untouched.
 */

interface ParsedMessage {
  name: string;
  fields?: (string | null)[];
}
type ParserClass = { prototype: { parse(buffer: ArrayBuffer | ArrayBufferView, callback: (message: ParsedMessage) => void): void } };

const DATA_ROW = 0x44; // 'D'
const HEADER_BYTES = 5; // code and int32 length
const BOM = [0xef, 0xbb, 0xbf];
const PATCHED = Symbol.for('scorekeeper.pglite.leadingBom');

/** Per parser: bytes of a message cut between two calls, and the rows seen but not yet handed on. */
interface FramingState {
  pending: Uint8Array;
  rows: (number[] | null)[];
}

const toBytes = (buffer: ArrayBuffer | ArrayBufferView): Uint8Array =>
  ArrayBuffer.isView(buffer) ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array {
  if (head.length === 0) return tail;
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}

/** The indexes of the fields of the data row at `offset` whose value starts with a BOM; null when none does. */
function fieldsWithBom(view: DataView, bytes: Uint8Array, offset: number): number[] | null {
  const count = view.getInt16(offset);
  let position = offset + 2;
  let found: number[] | null = null;
  for (let field = 0; field < count; field++) {
    const length = view.getInt32(position);
    position += 4;
    if (length >= 3 && bytes[position] === BOM[0] && bytes[position + 1] === BOM[1] && bytes[position + 2] === BOM[2]) {
      (found ??= []).push(field);
    }
    if (length > 0) position += length;
  }
  return found;
}

/** Frames `chunk` as the parser does (complete messages only; the rest waits for the next chunk). */
function scan(state: FramingState, chunk: Uint8Array): void {
  const bytes = concat(state.pending, chunk);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset + HEADER_BYTES <= bytes.length) {
    const length = view.getUint32(offset + 1);
    if (length === 0 || offset + 1 + length > bytes.length) break;
    if (bytes[offset] === DATA_ROW) state.rows.push(fieldsWithBom(view, bytes, offset + HEADER_BYTES));
    offset += 1 + length;
  }
  state.pending = bytes.slice(offset);
}

/** Wraps `Parser.prototype.parse` of one build of PGlite (once). */
export function keepLeadingBom(Parser: ParserClass): void {
  const prototype = Parser.prototype as ParserClass['prototype'] & { [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  const parse = prototype.parse;
  const states = new WeakMap<object, FramingState>();
  prototype.parse = function (this: object, buffer, callback) {
    let state = states.get(this);
    if (!state) states.set(this, (state = { pending: new Uint8Array(0), rows: [] }));
    scan(state, toBytes(buffer));
    const rows = state.rows;
    try {
      parse.call(this, buffer, (message) => {
        if (message.name === 'dataRow') {
          for (const field of rows.shift() ?? []) message.fields![field] = `\ufeff${message.fields![field]}`;
        }
        callback(message);
      });
    } catch (error) {
      // The parser drops what it holds when a message is malformed: so does the scan.
      states.delete(this);
      throw error;
    }
    // Every complete row of this chunk was handed on in this call; anything left means the framings differ.
    if (rows.length) states.delete(this);
  };
  Object.defineProperty(prototype, PATCHED, { value: true });
}

/** Applies the fix to the build of PGlite that MikroORM's driver loads (the ES module). */
export async function keepLeadingBomInPglite(): Promise<void> {
  const { protocol } = await import('@electric-sql/pglite');
  keepLeadingBom(protocol.Parser as unknown as ParserClass);
}
