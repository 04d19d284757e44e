import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  Actor,
  ResourceStatus,
  Role,
  ShareScope,
  canManageMeeting,
  canReadThread,
  canSeeMeeting,
  canSeeResource,
} from '@lantern/shared-domain';
import { ActorsRepository } from '../../../common/auth/actors.repository';
import type { RequestContext } from '../../../common/context/request-context';
import { Errors } from '../../../common/errors/app-error';
import { PersonalDataService } from '../../../common/personal-data/personal-data.service';
import { meetingTarget } from '../meeting-pattern';
import { scopeOf } from '../meeting-rows';
import type { AgendaContext } from './meeting-agenda-context';

/**
 * The checks on what an agenda item refers to, with the caller's transaction manager only: a
 * presenter who may see the meeting, a library resource or forum thread the proposer may see,
 * papers that are the proposer's own uploads (or already on the item) and on time, and the
 * personal-data check on every text (file names included).
 */
@Injectable()
export class AgendaChecks {
  constructor(
    private readonly actors: ActorsRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async presenter(m: EntityManager, c: AgendaContext, presenterId: string | null | undefined): Promise<void> {
    if (!presenterId) return;
    const who = (await this.actors.actorsFor([presenterId], m)).get(presenterId);
    if (!who || !canSeeMeeting(who, c.access))
      throw Errors.badInput('Choose a presenter who can see this meeting.', {
        presenterId: 'Outside the meeting',
      });
  }

  async links(
    m: EntityManager,
    actor: Actor,
    resourceId: string | null | undefined,
    threadId: string | null | undefined,
  ): Promise<void> {
    if (resourceId) {
      const [r]: Array<{
        share_scope: ShareScope;
        trust_id: string | null;
        school_id: string | null;
        status: ResourceStatus;
        owner_id: string;
      }> = await m.query(
        'SELECT share_scope, trust_id, school_id, status, owner_id FROM library_resources WHERE id = $1',
        [resourceId],
      );
      const ok =
        !!r &&
        canSeeResource(actor, {
          shareScope: r.share_scope,
          trustId: r.trust_id,
          schoolId: r.school_id,
          status: r.status,
          ownerId: r.owner_id,
        });
      if (!ok)
        throw Errors.badInput('Choose a resource you can see in the library.', { resourceId: 'Not found' });
    }
    if (threadId) {
      const [t]: Array<{ trust_id: string | null; roles: Role[] | null; hidden: boolean }> = await m.query(
        `SELECT c.trust_id, c.roles, t.hidden FROM forum_threads t JOIN forum_categories c ON c.id = t.category_id WHERE t.id = $1`,
        [threadId],
      );
      if (
        !t ||
        !canReadThread(actor, { category: { trustId: t.trust_id, roles: t.roles }, hidden: t.hidden })
      )
        throw Errors.badInput('Choose a forum thread you can read.', { threadId: 'Not found' });
    }
  }

  /**
   * Papers: each the actor's own upload or already attached to this item; new ones only before the
   * papers deadline (the chair and organiser may still add them). Returns the files' names.
   */
  async papers(
    m: EntityManager,
    actor: Actor,
    c: AgendaContext,
    itemId: string | null,
    fileIds: readonly string[],
  ): Promise<string[]> {
    if (!fileIds.length) return [];
    if (new Set(fileIds).size !== fileIds.length)
      throw Errors.badInput('The same paper is attached twice.', { fileIds: 'Twice' });
    const rows: Array<{ id: string; original_name: string; uploaded_by: string; attached: boolean }> =
      await m.query(
        `SELECT f.id, f.original_name, f.uploaded_by,
              EXISTS (SELECT 1 FROM meeting_item_papers p WHERE p.item_id = $2 AND p.file_id = f.id) AS attached
         FROM files f WHERE f.id = ANY($1::uuid[]) FOR SHARE OF f`,
        [fileIds, itemId],
      );
    const ok = rows.filter((r) => r.uploaded_by === actor.userId || r.attached);
    if (ok.length !== fileIds.length)
      throw Errors.badInput('One of the papers was not found. Upload it again.', { fileIds: 'Unknown file' });
    const late = c.state.papers_due_at && c.state.papers_due_at.getTime() < Date.now();
    if (late && ok.some((r) => !r.attached) && !canManageMeeting(actor, c.access))
      throw Errors.conflict('Papers for this meeting were due before now: ask the chair to add it.');
    return ok.map((r) => r.original_name.replace(/_+/g, ' '));
  }

  async text(
    ctx: RequestContext,
    m: EntityManager,
    c: AgendaContext,
    texts: ReadonlyArray<string | null | undefined>,
    override: { reason: string } | null | undefined,
  ): Promise<void> {
    await this.personalData.check(ctx, texts, override, meetingTarget(scopeOf(c.series), c.series.id), m);
  }
}
