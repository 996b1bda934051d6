import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The ISO 8601 date-times that pydantic, Django REST Framework, JavaScript's Date and PostgreSQL all
 * read alike: a calendar date, optionally a time (minutes, seconds and up to nine fraction digits)
 * and an offset. Week dates, ordinal dates and reduced precision are refused.
 */
// eslint-disable-next-line security/detect-unsafe-regex -- anchored, each group optional once: linear time
export const DATETIME_SYNTAX = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

export const IS_DATETIME_SYNTAX = 'isDateTimeSyntax';

export const IsDateTimeSyntax = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: IS_DATETIME_SYNTAX,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && DATETIME_SYNTAX.test(value),
        defaultMessage: () => '$property must be an ISO 8601 date-time (YYYY-MM-DDThh:mm[:ss[.f]][Z|±hh:mm])',
      },
    },
    options,
  );

const digits = (text: string, from: number, to: number) => /^\d+$/.test(text.slice(from, to));

/** Why `text` is not a date, as speedate (pydantic's parser) says it; pydantic reports a bad date-time so. */
export function dateParsingReason(text: string): string {
  if (text.length < 10) return 'input is too short';
  if (!digits(text, 0, 4)) return 'invalid character in year';
  if (text[4] !== '-') return 'invalid date separator, expected `-`';
  if (!digits(text, 5, 7)) return 'invalid character in month';
  if (text[7] !== '-') return 'invalid date separator, expected `-`';
  if (!digits(text, 8, 10)) return 'invalid character in day';
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12) return 'month value is outside expected range of 1-12';
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day < 1 || day > days) return 'day value is outside expected range';
  return 'unexpected extra characters at the end of the input';
}

/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds: the range speedate reads timestamps in. */
const FIRST_SECOND = -62_167_219_200;
const LAST_SECOND = 253_402_300_799;

/**
 * A Unix timestamp as pydantic reads one (seconds, or milliseconds beyond ±2e10), as an ISO string;
 * `undefined` outside years 1–9999.
 */
export function timestampToIso(timestamp: number): string | undefined {
  const seconds = Math.abs(timestamp) > 2e10 ? timestamp / 1000 : timestamp;
  if (!Number.isFinite(seconds) || seconds < FIRST_SECOND || seconds > LAST_SECOND) return undefined;
  const date = new Date(seconds * 1000);
  return date.getUTCFullYear() < 1 ? undefined : date.toISOString();
}
