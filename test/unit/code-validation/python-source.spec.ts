import { MAX_CODE_BYTES, checkPythonSource } from '../../../src/code-validation/python-source';

const check = (code: string) => checkPythonSource(Buffer.from(code, 'utf8'));

describe('static check of a code scorer (nothing is run)', () => {
  it.each([
    ['def scorer_fn(step) -> float:\n    return 1.0\n', 'float'],
    ['import math\n\nasync def scorer_fn(step, **kw) -> bool:\n    return True\n', 'bool'],
    ['def scorer_fn(\n    step,  # the span\n    scale: int = (1),\n) -> dict[str, "Score"]:\n    return {}\n', 'dict[str, "Score"]'],
    ['def scorer_fn(step):\n    return 1\n', ''],
    [
      '"""Module doc: def helper(x): ..."""\n# def scorer_fn(x) -> int: commented out\ndef scorer_fn(x) -> int:\n    return len("def scorer_fn(")\n',
      'int',
    ],
    ["s = r'\\d+'\nb = b\"\\x00\"\ndef scorer_fn(x) -> str:\n    return f'{x!r}'\n", 'str'],
    ['\ufeffdef scorer_fn(step) -> int:\n    return 1\n', 'int'],
    ['\ufeff# encoded with a signature\ndef scorer_fn(step):\n    return 1\n', ''],
  ])('accepts %j (score type %j), kept as sent', (code, scoreType) => {
    expect(check(code)).toEqual({ valid: true, code, scoreType });
  });

  it.each([
    ['def score(step):\n    return 1\n', 'does not define a top-level function `scorer_fn`'],
    ['class Scorer:\n    def scorer_fn(self):\n        return 1\n', 'does not define a top-level function `scorer_fn`'],
    ['x = """\ndef scorer_fn(step):\n"""\n', 'does not define a top-level function `scorer_fn`'],
    ['def scorer_fn(step:\n    return 1\n', "'(' opened on line 1 is never closed"],
    ['def scorer_fn(step):\n    return [1)]\n', "unmatched ')' on line 2"],
    ["def scorer_fn(step):\n    return 'oops\n", 'unterminated string literal starting on line 2'],
    ['def scorer_fn(step):\n    """never closed\n', 'unterminated triple-quoted string literal starting on line 2'],
    ['', 'the file is empty'],
    ['  \n\n', 'the file is empty'],
    ['def scorer_fn(step):\n    return "\u0000"\n', 'NUL character (line 2)'],
    ['x = 1\n\ufeffdef scorer_fn(step):\n    return 1\n', 'does not define a top-level function `scorer_fn`'],
  ])('refuses %j: %s', (code, problem) => {
    const result = check(code);
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.problem).toContain(problem);
  });

  it('refuses bytes that are not UTF-8, and files over 1 MiB', () => {
    expect(checkPythonSource(Buffer.from([0x64, 0x65, 0x66, 0xc3, 0x28]))).toEqual({ valid: false, problem: 'the file is not UTF-8 text' });
    const large = Buffer.alloc(MAX_CODE_BYTES + 1, 0x20);
    expect(checkPythonSource(large)).toEqual({ valid: false, problem: 'the file is larger than 1 MiB (1048576 bytes)' });
    expect(checkPythonSource(Buffer.from('def scorer_fn(x): pass'), true).valid).toBe(false);
  });

  it('reads a 1 MiB file', () => {
    const body = 'x = "a" + (1 + [2, {3: 4}][0])  # comment\n';
    const code = `def scorer_fn(step) -> float:\n    return 0.0\n${body.repeat(Math.floor((MAX_CODE_BYTES - 60) / body.length))}`;
    expect(check(code).valid).toBe(true);
  });
});
