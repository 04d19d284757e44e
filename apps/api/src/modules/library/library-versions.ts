import { EntityManager } from 'typeorm';
import { LIBRARY_LIMITS } from '@lantern/shared-domain';
import { Errors } from '../../common/errors/app-error';
import { renderMarkdown } from '../../common/markdown/render-markdown';
import { LibraryEhcpSectionInput } from './dto/resource-content.input';
import { EhcpSectionJson, LibraryResourceEntity, LibraryVersionEntity } from './library.entity';

/** The content every version carries in full (a version never depends on another). */
export interface VersionContent {
  title: string;
  summary: string;
  bodyMd: string;
  ehcpSections: EhcpSectionJson[] | null;
  fileIds: string[];
}

export const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
export const sortedEqual = (a: readonly string[], b: readonly string[]) =>
  sameList([...a].sort(), [...b].sort());

export function normaliseSections(
  sections: LibraryEhcpSectionInput[] | null | undefined,
): EhcpSectionJson[] | null {
  if (!sections?.length) return null;
  const keys = sections.map((s) => s.key);
  if (new Set(keys).size !== keys.length)
    throw Errors.badInput('Each EHCP section (A to K) may appear only once.', {
      ehcpSections: 'Repeated section',
    });
  return [...sections]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((s) => ({
      key: s.key,
      title: s.title.trim(),
      guidance: s.guidance,
      prompts: s.prompts.map((p) => p.trim()).filter(Boolean),
    }));
}

/** Append version n+1 and point the resource at it (the search vector follows by trigger). */
export async function addVersion(
  m: EntityManager,
  r: LibraryResourceEntity,
  c: VersionContent,
  authorId: string,
  changeNote: string,
  restoredFrom: number | null,
): Promise<LibraryVersionEntity> {
  const number = r.versionCount + 1;
  const [v] = await m.query(
    `INSERT INTO library_resource_versions
       (resource_id, number, title, summary, body_md, body_html, change_note, author_id, restored_from, ehcp_sections, file_ids)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::uuid[]) RETURNING id`,
    [
      r.id,
      number,
      c.title,
      c.summary,
      c.bodyMd,
      renderMarkdown(c.bodyMd),
      changeNote.trim().slice(0, LIBRARY_LIMITS.changeNoteMax),
      authorId,
      restoredFrom,
      c.ehcpSections ? JSON.stringify(c.ehcpSections) : null,
      c.fileIds,
    ],
  );
  await m.query(
    `UPDATE library_resources SET current_version_id = $2, version_count = $3, title = $4, summary = $5, updated_at = now()
      WHERE id = $1`,
    [r.id, v.id, number, c.title, c.summary],
  );
  return await m.getRepository(LibraryVersionEntity).findOneByOrFail({ id: v.id as string });
}
