/** An ISO date-time the field decorators accepted, as a Date; one without an offset is UTC (as DRF with USE_TZ reads it). */
export function parseDateTime(text: string): Date {
  const iso = text.replace(' ', 'T');
  const hasTime = iso.includes('T');
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso);
  return new Date(hasTime && !hasOffset ? `${iso}Z` : iso);
}
