import { DOCUMENT, Injectable, effect, inject } from '@angular/core';
import {
  DEFAULT_READING_PREFERENCES,
  ReadingTextSize,
  ReadingTint,
  type ReadingPreferences,
} from '@lantern/shared-domain';
import { Session } from './session';

/** Where the build puts the font's @font-face rules (project.json assets, from @fontsource). */
export const READING_FONT_STYLESHEETS = [
  'fonts/atkinson-hyperlegible/400.css',
  'fonts/atkinson-hyperlegible/700.css',
] as const;

/** The classes on <html> for each preference (the rules are in styles/reading-mode.scss). */
export function readingClasses(p: ReadingPreferences): string[] {
  const classes: string[] = [];
  if (p.readableFont) classes.push('lan-readable-font');
  if (p.textSize === ReadingTextSize.Large) classes.push('lan-text-large');
  if (p.textSize === ReadingTextSize.Larger) classes.push('lan-text-larger');
  if (p.wideSpacing) classes.push('lan-wide-spacing');
  if (p.tint !== ReadingTint.None) classes.push(`lan-tint-${p.tint.toLowerCase()}`);
  if (p.reduceMotion) classes.push('lan-reduce-motion');
  return classes;
}

const ALL_CLASSES = [
  'lan-readable-font',
  'lan-text-large',
  'lan-text-larger',
  'lan-wide-spacing',
  ...Object.values(ReadingTint).map((t) => `lan-tint-${t.toLowerCase()}`),
  'lan-reduce-motion',
];

/**
 * Applies the signed-in person's reading mode to the whole page: classes on <html>, and the
 * readable font's stylesheet, added only the first time someone needs it (people who never use
 * reading mode never download the font). Signed out, everything is back to standard.
 */
@Injectable({ providedIn: 'root' })
export class ReadingMode {
  private readonly document = inject(DOCUMENT);
  private readonly session = inject(Session);

  constructor() {
    effect(() => {
      this.apply(this.session.viewer()?.readingPreferences ?? DEFAULT_READING_PREFERENCES);
    });
  }

  apply(p: ReadingPreferences): void {
    const root = this.document.documentElement;
    const wanted = new Set(readingClasses(p));
    for (const c of ALL_CLASSES) root.classList.toggle(c, wanted.has(c));
    if (p.readableFont) this.loadFont();
  }

  private loadFont(): void {
    for (const href of READING_FONT_STYLESHEETS) {
      if (this.document.head.querySelector(`link[data-lan-font="${href}"]`)) continue;
      const link = this.document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.dataset['lanFont'] = href;
      this.document.head.appendChild(link);
    }
  }
}
