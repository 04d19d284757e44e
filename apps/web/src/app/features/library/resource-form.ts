import type { AbstractControl, ValidatorFn } from '@angular/forms';
import {
  type Actor,
  EHCP_SECTION_KEYS,
  EHCP_SECTION_TITLES,
  type EhcpSectionKey,
  FILE_LIMITS,
  FileRefusal,
  LIBRARY_LIMITS,
  ShareScope,
  canShareWith,
  fileRefusalMessage,
  normaliseResourceTags,
} from '@lantern/shared-domain';

/** One EHCP section as the editor holds it: prompts as one per line. */
export interface SectionDraft {
  key: EhcpSectionKey;
  title: string;
  guidance: string;
  prompts: string;
}

/** The eleven sections, empty, with their official titles. */
export function blankSections(): SectionDraft[] {
  return EHCP_SECTION_KEYS.map((key) => ({
    key,
    title: EHCP_SECTION_TITLES[key],
    guidance: '',
    prompts: '',
  }));
}

/** The API's sections into editor rows (every key present, in order). */
export function sectionsToDrafts(
  sections: readonly { key: string; title: string; guidance: string; prompts: readonly string[] }[] | null,
): SectionDraft[] {
  return blankSections().map((blank) => {
    const found = sections?.find((s) => s.key === blank.key);
    return found
      ? { key: blank.key, title: found.title, guidance: found.guidance, prompts: found.prompts.join('\n') }
      : blank;
  });
}

/** Editor rows into the API's input: prompts split by line, blank ones dropped. */
export function draftsToSections(rows: readonly SectionDraft[]) {
  return rows.map((r) => ({
    key: r.key,
    title: r.title.trim() || EHCP_SECTION_TITLES[r.key],
    guidance: r.guidance,
    prompts: r.prompts
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean)
      .slice(0, LIBRARY_LIMITS.ehcpPromptsMax),
  }));
}

/** "EHCP, Annual review" -> ["ehcp", "annual-review"] (as the API stores them). */
export function parseResourceTags(text: string): string[] {
  return normaliseResourceTags(text.split(','));
}

export interface AudienceOption {
  /** `${scope}:${id}` — the value of the "Share with" select. */
  value: string;
  label: string;
  shareScope: ShareScope;
  trustId: string | null;
  schoolId: string | null;
}

interface Places {
  trusts: readonly {
    id: string;
    name: string;
    schools: readonly { id: string; displayName: string }[];
  }[];
}

/** Everyone the actor may share with, as the shared policy decides (the API checks again). */
export function audienceOptions(actor: Actor | null, places: Places): AudienceOption[] {
  const out: AudienceOption[] = [];
  const network = { shareScope: ShareScope.Network, trustId: null, schoolId: null };
  if (canShareWith(actor, network)) out.push({ value: 'NETWORK', label: 'The whole network', ...network });
  for (const t of places.trusts) {
    const trust = { shareScope: ShareScope.Trust, trustId: t.id, schoolId: null };
    if (canShareWith(actor, trust))
      out.push({ value: `TRUST:${t.id}`, label: `${t.name} (the trust)`, ...trust });
  }
  for (const t of places.trusts) {
    for (const s of t.schools) {
      const school = { shareScope: ShareScope.School, trustId: t.id, schoolId: s.id };
      if (canShareWith(actor, school)) {
        out.push({ value: `SCHOOL:${s.id}`, label: `${s.displayName} only`, ...school });
      }
    }
  }
  return out;
}

/** A reason to refuse a file before sending it: empty, or larger than the default cap. */
export function precheckFile(file: File, maxBytes: number = FILE_LIMITS.defaultMaxBytes): string | null {
  if (file.size === 0) return fileRefusalMessage(FileRefusal.Empty);
  if (file.size > maxBytes) return fileRefusalMessage(FileRefusal.TooLarge, { maxBytes });
  return null;
}

/** At least `min` characters once trimmed. */
export function minTrimmed(min: number): ValidatorFn {
  return (c: AbstractControl) => (String(c.value ?? '').trim().length >= min ? null : { short: true });
}
