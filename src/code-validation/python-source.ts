/** The largest code file accepted: 1 MiB. */
export const MAX_CODE_BYTES = 1024 * 1024;

/** What a static reading of a code scorer's file found. Nothing in it is ever run. */
export type SourceCheck = { valid: true; code: string; scoreType: string } | { valid: false; problem: string };

/** Keeps a leading BOM: the stored source reads back byte for byte. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

const lineOf = (text: string, index: number): number => {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

const SPACE = 32;
const NEWLINE = 10;
const BACKSLASH = 92;
/** `(` → `)`, `[` → `]`, `{` → `}` (as UTF-16 code units). */
const closerOf = (opener: number): number => (opener === 40 ? 41 : opener + 2);

/** UTF-16 code units as a string (Node runs on little-endian machines only). */
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * The source with string literals' contents and comments blanked (same length, newlines kept), so that
 * definitions and brackets can be found by position; or the first lexical problem. One pass.
 */
function skeletonOf(source: string): { skeleton: string } | { problem: string } {
  const length = source.length;
  const out = new Uint16Array(length);
  const stack: number[] = [];
  let i = 0;
  while (i < length) {
    const unit = source.charCodeAt(i);
    if (unit === 35) {
      while (i < length && source.charCodeAt(i) !== NEWLINE) out[i++] = SPACE;
    } else if (unit === 34 || unit === 39) {
      const start = i;
      const quotes = source.charCodeAt(i + 1) === unit && source.charCodeAt(i + 2) === unit ? 3 : 1;
      for (let q = 0; q < quotes; q++) out[i++] = unit;
      let closed = false;
      while (i < length && !closed) {
        const char = source.charCodeAt(i);
        if (char === BACKSLASH) {
          out[i] = SPACE;
          if (i + 1 < length) out[i + 1] = source.charCodeAt(i + 1) === NEWLINE ? NEWLINE : SPACE;
          i += 2;
        } else if (char === NEWLINE && quotes === 1) break;
        else if (char === unit && (quotes === 1 || (source.charCodeAt(i + 1) === unit && source.charCodeAt(i + 2) === unit))) {
          for (let q = 0; q < quotes; q++) out[i++] = unit;
          closed = true;
        } else out[i++] = char === NEWLINE ? NEWLINE : SPACE;
      }
      if (!closed) {
        const kind = quotes === 3 ? 'triple-quoted string' : 'string';
        return { problem: `unterminated ${kind} literal starting on line ${lineOf(source, start)}` };
      }
    } else if (unit === 40 || unit === 91 || unit === 123) {
      stack.push(i);
      out[i++] = unit;
    } else if (unit === 41 || unit === 93 || unit === 125) {
      const open = stack.pop();
      if (open === undefined || closerOf(source.charCodeAt(open)) !== unit)
        return { problem: `unmatched '${source[i]}' on line ${lineOf(source, i)}` };
      out[i++] = unit;
    } else out[i++] = unit;
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) return { problem: `'${source[unclosed]}' opened on line ${lineOf(source, unclosed)} is never closed` };
  return { skeleton: utf16.decode(out) };
}

/** Where the parameter list of a top-level `def scorer_fn(` (or `async def`) opens, or -1. */
function scorerFnOpening(skeleton: string): number {
  // A leading BOM (Python's UTF-8 signature) starts the first line; replaced by a line break, positions stay.
  const text = skeleton.charCodeAt(0) === 0xfeff ? `\n${skeleton.slice(1)}` : skeleton;
  const found = [/^def[ \t]+scorer_fn[ \t]*\(/m.exec(text), /^async[ \t]+def[ \t]+scorer_fn[ \t]*\(/m.exec(text)]
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => match.index + match[0].length - 1);
  return found.length ? Math.min(...found) : -1;
}

/** The return annotation of the function whose parameter list opens at `open`, as written ('' when none). */
function returnAnnotation(source: string, skeleton: string, open: number): string {
  let depth = 0;
  let i = open;
  for (; i < skeleton.length; i++) {
    if (OPENERS.has(skeleton[i])) depth++;
    else if (CLOSERS.has(skeleton[i]) && --depth === 0) break;
  }
  const rest = skeleton.slice(i + 1);
  const arrow = /^[\s\\]*->/.exec(rest);
  if (!arrow) return '';
  const from = i + 1 + arrow[0].length;
  depth = 0;
  for (let k = from; k < skeleton.length; k++) {
    if (OPENERS.has(skeleton[k])) depth++;
    else if (CLOSERS.has(skeleton[k])) depth--;
    else if (skeleton[k] === ':' && depth === 0) return source.slice(from, k).replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
  }
  return '';
}

/** The uploaded file as text, or why it cannot be Python source: over 1 MiB, not UTF-8, empty, or holding a NUL. */
export function decodeUpload(content: Buffer, truncated = false): { code: string } | { problem: string } {
  if (truncated || content.length > MAX_CODE_BYTES) return { problem: `the file is larger than 1 MiB (${MAX_CODE_BYTES} bytes)` };
  let code: string;
  try {
    code = utf8.decode(content);
  } catch {
    return { problem: 'the file is not UTF-8 text' };
  }
  if (code.trim() === '') return { problem: 'the file is empty' };
  const nul = code.indexOf('\0');
  if (nul !== -1) return { problem: `the file contains a NUL character (line ${lineOf(code, nul)}), which Python source cannot` };
  return { code };
}

/**
 * Checks decoded source without running it: lexically sound (strings terminated, brackets balanced)
 * and defining a top-level `scorer_fn`. The score type is the function's return annotation as written
 * (empty when it has none).
 */
export function checkPythonCode(code: string): SourceCheck {
  const lexed = skeletonOf(code);
  if ('problem' in lexed) return { valid: false, problem: `the file is not valid Python: ${lexed.problem}` };
  const open = scorerFnOpening(lexed.skeleton);
  if (open === -1) return { valid: false, problem: 'the file does not define a top-level function `scorer_fn`' };
  return { valid: true, code, scoreType: returnAnnotation(code, lexed.skeleton, open) };
}

/** `decodeUpload` then `checkPythonCode`. */
export function checkPythonSource(content: Buffer, truncated = false): SourceCheck {
  const decoded = decodeUpload(content, truncated);
  return 'problem' in decoded ? { valid: false, problem: decoded.problem } : checkPythonCode(decoded.code);
}
