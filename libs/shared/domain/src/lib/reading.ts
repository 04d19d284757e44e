/**
 * Reading mode: how one person likes to read Lantern. Stored with their account (users table),
 * applied on every page by the client. Nobody else sees or sets it.
 */

export enum ReadingTextSize {
  Standard = 'STANDARD',
  Large = 'LARGE',
  Larger = 'LARGER',
}

export enum ReadingTint {
  None = 'NONE',
  Cream = 'CREAM',
  Blue = 'BLUE',
  Green = 'GREEN',
}

export interface ReadingPreferences {
  /** Atkinson Hyperlegible instead of the system font. */
  readableFont: boolean;
  textSize: ReadingTextSize;
  /** Wider line, letter and word spacing (WCAG 1.4.12 text spacing). */
  wideSpacing: boolean;
  tint: ReadingTint;
  /** No transitions or animations, whatever the device says. */
  reduceMotion: boolean;
}

export const DEFAULT_READING_PREFERENCES: Readonly<ReadingPreferences> = {
  readableFont: false,
  textSize: ReadingTextSize.Standard,
  wideSpacing: false,
  tint: ReadingTint.None,
  reduceMotion: false,
};

/** The root font size for each text size (every size in the client is in rem). */
export const READING_TEXT_PERCENT: Readonly<Record<ReadingTextSize, number>> = {
  [ReadingTextSize.Standard]: 100,
  [ReadingTextSize.Large]: 112.5,
  [ReadingTextSize.Larger]: 125,
};

export const READING_TEXT_SIZE_LABEL: Readonly<Record<ReadingTextSize, string>> = {
  [ReadingTextSize.Standard]: 'Standard',
  [ReadingTextSize.Large]: 'Large',
  [ReadingTextSize.Larger]: 'Larger',
};

export const READING_TINT_LABEL: Readonly<Record<ReadingTint, string>> = {
  [ReadingTint.None]: 'No tint',
  [ReadingTint.Cream]: 'Cream',
  [ReadingTint.Blue]: 'Blue',
  [ReadingTint.Green]: 'Green',
};

/** True when any part of reading mode is on. */
export function readingModeOn(p: ReadingPreferences): boolean {
  return (
    p.readableFont ||
    p.textSize !== ReadingTextSize.Standard ||
    p.wideSpacing ||
    p.tint !== ReadingTint.None ||
    p.reduceMotion
  );
}
