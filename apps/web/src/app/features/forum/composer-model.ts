import type { AbstractControl, ValidationErrors } from '@angular/forms';
import type { ThreadKind } from '@lantern/web-graphql';
import type { PersonalDataOverride } from '@lantern/web-ui';

/** What the forum composer writes, and the rules of its fields. */

export type ComposerMode = 'thread' | 'reply' | 'edit-thread' | 'edit-reply';

export interface ComposerValue {
  categoryId: string | null;
  kind: ThreadKind;
  title: string;
  body: string;
  tags: string[];
  anonymous: boolean;
  /** People chosen with "@" whose mention is still in the body. */
  mentions: string[];
}

/** Posts the value; `override` is set when the person chose to post despite the personal-data check. */
export type ComposerSend<T = unknown> = (
  value: ComposerValue,
  override: PersonalDataOverride | null,
) => Promise<T>;

export const MAX_TAGS = 5;
export const TAG_MAX_LENGTH = 30;
export const BODY_MAX_LENGTH = 20_000;

/** "EHCP, Annual review" -> ["ehcp", "annual-review"] (as the API stores them). */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim().toLowerCase().replace(/\s+/g, '-'))
        .filter(Boolean),
    ),
  ];
}

export function tagsValidator(control: AbstractControl<string>): ValidationErrors | null {
  const tags = parseTags(control.value ?? '');
  if (tags.length > MAX_TAGS) return { tooMany: true };
  if (tags.some((t) => t.length > TAG_MAX_LENGTH)) return { tooLong: true };
  return null;
}

/** Not only spaces. */
export function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() ? null : { required: true };
}

/** A title of at least 3 characters (spaces aside). */
export function titleLongEnough(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim().length >= 3 ? null : { short: true };
}
