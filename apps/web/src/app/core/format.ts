const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const date = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const whole = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const wholePounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
});

function parse(value: string | Date | null | undefined): Date | null {
  if (value == null) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 3 Mar 2026, 14:05 (UK time). */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = parse(value);
  return d ? dateTime.format(d) : '';
}

/** 3 March 2026. */
export function formatDate(value: string | Date | null | undefined): string {
  const d = parse(value);
  return d ? date.format(d) : '';
}

export function formatCount(value: number | null | undefined): string {
  return value == null ? '–' : whole.format(value);
}

/** 12.3% (or "–" when there is no figure, for example an empty roll). */
export function formatPercent(value: number | null | undefined): string {
  return value == null ? '–' : `${oneDecimal.format(value)}%`;
}

/** £12,000 for whole pounds, £1,234.50 otherwise. */
export function formatPounds(value: number | null | undefined): string {
  if (value == null) return '–';
  return Number.isInteger(value) ? wholePounds.format(value) : pounds.format(value);
}

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", "3 days ago", then the date (3 March 2026). */
export function formatRelative(value: string | Date | null | undefined, now: number = Date.now()): string {
  const d = parse(value);
  if (!d) return '';
  const seconds = Math.round((now - d.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 7) return relative.format(-days, 'day');
  return date.format(d);
}
