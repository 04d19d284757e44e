import { EntityManager } from 'typeorm';
import {
  Actor,
  AgendaItemStatus,
  AgendaPurpose,
  MeetingAccess,
  ResourceStatus,
  Role,
  ShareScope,
  canManageMeeting,
  canMinuteMeeting,
  canReadThread,
  canSeeResource,
} from '@lantern/shared-domain';
import { renderMarkdown } from '../../../common/markdown/render-markdown';
import type { MeetingAgendaItemModel, MeetingPaperModel } from './agenda.model';

/** The agenda, live and minutes columns of an occurrence row. */
export interface OccurrenceState {
  id: string;
  series_id: string;
  key: string;
  cancelled: boolean;
  papers_due_at: Date | null;
  agenda_published_at: Date | null;
  started_at: Date | null;
  ended_at: Date | null;
  current_item_id: string | null;
  current_item_started_at: Date | null;
  minutes_published_at: Date | null;
}

export const STATE_SELECT = `
  SELECT id, series_id, key::text AS key, cancelled, papers_due_at, agenda_published_at, started_at, ended_at,
         current_item_id, current_item_started_at, minutes_published_at
    FROM meeting_occurrences`;

/** An agenda item with what the viewer checks need (the linked records' scopes) and its papers. */
export interface ItemRow {
  id: string;
  occurrence_id: string;
  title: string;
  purpose: AgendaPurpose;
  presenter_id: string | null;
  presenter_name: string | null;
  minutes: number;
  resource_id: string | null;
  resource_title: string | null;
  resource_scope: ShareScope | null;
  resource_trust_id: string | null;
  resource_school_id: string | null;
  resource_status: ResourceStatus | null;
  resource_owner_id: string | null;
  thread_id: string | null;
  thread_title: string | null;
  thread_trust_id: string | null;
  thread_roles: Role[] | null;
  thread_hidden: boolean | null;
  status: AgendaItemStatus;
  position: number;
  approves_minutes_of: string | null;
  notes: string;
  decisions: string;
  proposed_by: string;
  proposed_by_name: string;
  created_at: Date;
  papers: Array<{ fileId: string; name: string; size: number; addedAt: string }>;
}

export const ITEM_SELECT = `
  SELECT i.id, i.occurrence_id, i.title, i.purpose, i.presenter_id, pu.display_name AS presenter_name, i.minutes,
         i.resource_id, r.title AS resource_title, r.share_scope AS resource_scope, r.trust_id AS resource_trust_id,
         r.school_id AS resource_school_id, r.status AS resource_status, r.owner_id AS resource_owner_id,
         i.thread_id, t.title AS thread_title, c.trust_id AS thread_trust_id, c.roles AS thread_roles, t.hidden AS thread_hidden,
         i.status, i.position, i.approves_minutes_of, i.notes, i.decisions, i.proposed_by, bu.display_name AS proposed_by_name,
         i.created_at,
         COALESCE((SELECT json_agg(json_build_object('fileId', f.id, 'name', f.original_name, 'size', f.size_bytes,
                                                     'addedAt', p.added_at) ORDER BY p.added_at, f.original_name)
                     FROM meeting_item_papers p JOIN files f ON f.id = p.file_id WHERE p.item_id = i.id), '[]'::json) AS papers
    FROM meeting_agenda_items i
    LEFT JOIN users pu ON pu.id = i.presenter_id
    JOIN users bu ON bu.id = i.proposed_by
    LEFT JOIN library_resources r ON r.id = i.resource_id
    LEFT JOIN forum_threads t ON t.id = i.thread_id
    LEFT JOIN forum_categories c ON c.id = t.category_id`;

/** Accepted items first in their order, then proposals, then declined ones (each oldest first). */
export const ITEM_ORDER = `ORDER BY CASE i.status WHEN 'ACCEPTED' THEN 0 WHEN 'PROPOSED' THEN 1 ELSE 2 END, i.position, i.created_at, i.id`;

export async function itemsOf(m: EntityManager, occurrenceId: string): Promise<ItemRow[]> {
  return m.query(`${ITEM_SELECT} WHERE i.occurrence_id = $1 ${ITEM_ORDER}`, [occurrenceId]);
}

/** May the viewer see this item? Published accepted items: everyone who sees the meeting; the rest: managers and proposers. */
export function canSeeItem(
  actor: Actor,
  access: MeetingAccess,
  state: Pick<OccurrenceState, 'agenda_published_at'>,
  item: Pick<ItemRow, 'status' | 'proposed_by'>,
): boolean {
  if (canManageMeeting(actor, access) || item.proposed_by === actor.userId) return true;
  return !!state.agenda_published_at && item.status === AgendaItemStatus.Accepted;
}

/** May the viewer change this item? The chair or organiser; the proposer while it is proposed. */
export function canEditItem(
  actor: Actor,
  access: MeetingAccess,
  item: Pick<ItemRow, 'status' | 'proposed_by'>,
): boolean {
  return (
    canManageMeeting(actor, access) ||
    (item.proposed_by === actor.userId && item.status === AgendaItemStatus.Proposed)
  );
}

/** Minutes are read by the chair and note-taker at any time, by everyone else once published. */
export function canReadMinutes(
  actor: Actor,
  access: MeetingAccess,
  state: Pick<OccurrenceState, 'minutes_published_at'>,
): boolean {
  return canMinuteMeeting(actor, access) || !!state.minutes_published_at;
}

export function itemModel(
  r: ItemRow,
  actor: Actor,
  access: MeetingAccess,
  state: Pick<OccurrenceState, 'minutes_published_at'>,
): MeetingAgendaItemModel {
  const resource =
    r.resource_id &&
    r.resource_scope &&
    r.resource_status &&
    r.resource_owner_id &&
    canSeeResource(actor, {
      shareScope: r.resource_scope,
      trustId: r.resource_trust_id,
      schoolId: r.resource_school_id,
      status: r.resource_status,
      ownerId: r.resource_owner_id,
    })
      ? { id: r.resource_id, title: r.resource_title ?? '' }
      : null;
  const thread =
    r.thread_id &&
    r.thread_hidden !== null &&
    canReadThread(actor, {
      category: { trustId: r.thread_trust_id, roles: r.thread_roles },
      hidden: r.thread_hidden,
    })
      ? { id: r.thread_id, title: r.thread_title ?? '' }
      : null;
  const minutes = canReadMinutes(actor, access, state);
  return {
    id: r.id,
    title: r.title,
    purpose: r.purpose,
    presenter: r.presenter_id ? { id: r.presenter_id, displayName: r.presenter_name ?? '' } : null,
    minutes: r.minutes,
    status: r.status,
    position: r.position,
    resource,
    thread,
    papers: r.papers.map(
      (p): MeetingPaperModel => ({ ...p, size: Number(p.size), addedAt: new Date(p.addedAt) }),
    ),
    approvesMinutesOf: r.approves_minutes_of,
    proposedBy: { id: r.proposed_by, displayName: r.proposed_by_name },
    notes: minutes ? r.notes : null,
    notesHtml: minutes ? renderMarkdown(r.notes) : null,
    decisions: minutes ? r.decisions : null,
    decisionsHtml: minutes ? renderMarkdown(r.decisions) : null,
    canEdit: canEditItem(actor, access, r),
  };
}

/** "Wednesday 3 March 2027", a London date for labels and documents. */
export function longDate(key: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${key}T00:00:00Z`));
}
