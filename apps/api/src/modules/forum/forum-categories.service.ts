import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction, Permission, Role, can } from '@lantern/shared-domain';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ForumCategoryEntity } from './forum.entity';

export interface CategoryInput {
  name: string;
  description: string;
  trustId: string | null;
  roles: Role[] | null;
}

/** Network admins create, describe and order categories (audited). */
@Injectable()
export class ForumCategoriesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private assertAdmin(ctx: RequestContext): void {
    if (!can(ctx.actor, Permission.ForumAdmin)) throw Errors.forbidden('manage forum categories');
  }

  private async validate(input: CategoryInput): Promise<CategoryInput> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 80)
      throw Errors.badInput('Give the category a name of up to 80 characters.', { name: 'Required' });
    if (input.description.length > 500)
      throw Errors.badInput('Keep the description under 500 characters.', { description: 'Too long' });
    if (input.trustId && !(await this.ds.query('SELECT 1 FROM trusts WHERE id = $1', [input.trustId])).length)
      throw Errors.notFound('That trust');
    const roles = input.roles?.length ? [...new Set(input.roles)] : null;
    if (roles?.some((r) => !Object.values(Role).includes(r)))
      throw Errors.badInput('Choose roles from the list.');
    return { name, description: input.description.trim(), trustId: input.trustId, roles };
  }

  async create(ctx: RequestContext, input: CategoryInput): Promise<ForumCategoryEntity> {
    this.assertAdmin(ctx);
    const v = await this.validate(input);
    return this.ds.transaction(async (m) => {
      const [{ next }] = await m.query('SELECT COALESCE(max(position), 0) + 1 AS next FROM forum_categories');
      const repo = m.getRepository(ForumCategoryEntity);
      const saved = await repo.save(repo.create({ ...v, position: next }));
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.ForumModeration,
          summary: `Created the forum category ${v.name}`,
          targetType: 'forum_category',
          targetId: saved.id,
          trustId: v.trustId,
        },
        m,
      );
      return saved;
    });
  }

  async update(ctx: RequestContext, id: string, input: CategoryInput): Promise<ForumCategoryEntity> {
    this.assertAdmin(ctx);
    const v = await this.validate(input);
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(ForumCategoryEntity);
      const existing = await repo.findOneBy({ id });
      if (!existing) throw Errors.notFound('That category');
      await repo.update({ id }, v);
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.ForumModeration,
          summary: `Changed the forum category ${existing.name}${existing.name !== v.name ? ` (now ${v.name})` : ''}`,
          targetType: 'forum_category',
          targetId: id,
          trustId: v.trustId,
        },
        m,
      );
      return repo.findOneByOrFail({ id });
    });
  }

  /** Put categories in this order (all of them, by id). */
  async reorder(ctx: RequestContext, ids: string[]): Promise<void> {
    this.assertAdmin(ctx);
    await this.ds.transaction(async (m) => {
      const all: Array<{ id: string }> = await m.query('SELECT id FROM forum_categories');
      if (
        ids.length !== all.length ||
        new Set(ids).size !== ids.length ||
        !all.every((c) => ids.includes(c.id))
      ) {
        throw Errors.badInput('Give every category exactly once, in the new order.');
      }
      await m.query(
        'UPDATE forum_categories c SET position = o.pos FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, pos) WHERE c.id = o.id',
        [ids],
      );
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.ForumModeration,
          summary: 'Reordered the forum categories',
          targetType: 'forum_category',
        },
        m,
      );
    });
  }
}
