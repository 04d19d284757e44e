import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction, canResetSecondFactor } from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/context/request-context';
import { Errors } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';

/**
 * A network admin resets the second factor of someone who lost their device: the secret, recovery
 * codes and remembered devices go, every session of theirs loses its elevation (open sockets are
 * checked again at once: the elevation trigger bumps auth_epoch), the reset is audited and the
 * person is told by email, in one transaction. They set up a new authenticator the next time case
 * data asks for it.
 */
@Injectable()
export class SecondFactorResetService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async reset(ctx: RequestContext, userId: string): Promise<void> {
    if (!canResetSecondFactor(ctx.actor, userId))
      throw Errors.forbidden(
        ctx.actor?.userId === userId
          ? 'reset your own second factor: ask another network admin'
          : "reset people's second factors",
      );
    const [user] = (await this.ds.query(
      `SELECT u.id, u.email, u.display_name AS "displayName",
              EXISTS (SELECT 1 FROM user_second_factors f WHERE f.user_id = u.id) AS "hasFactor"
         FROM users u WHERE u.id = $1`,
      [userId],
    )) as Array<{ id: string; email: string; displayName: string; hasFactor: boolean }>;
    if (!user) throw Errors.notFound('That person');
    if (!user.hasFactor)
      throw Errors.conflict(
        `${user.displayName} has not set up a second factor, so there is nothing to reset.`,
      );
    await this.ds.transaction(async (m) => {
      await m.query('DELETE FROM user_second_factors WHERE user_id = $1', [userId]);
      await m.query('DELETE FROM second_factor_recovery_codes WHERE user_id = $1', [userId]);
      await m.query('DELETE FROM remembered_devices WHERE user_id = $1', [userId]);
      await m.query(
        'UPDATE sessions SET elevated_until = NULL WHERE user_id = $1 AND elevated_until IS NOT NULL',
        [userId],
      );
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.SecondFactorReset,
          summary: `${ctx.session!.displayName} reset the second factor of ${user.displayName}`,
          targetType: 'user',
          targetId: userId,
        },
        m,
      );
      await this.mail.send(
        {
          to: user.email,
          subject: 'Your Lantern second factor was reset',
          text:
            `${ctx.session!.displayName}, a network admin, has reset the second factor (authenticator app) ` +
            `of your Lantern account. Your recovery codes and remembered devices no longer work.\n\n` +
            `The next time you open case data, Lantern will ask you to set up your authenticator app again:\n` +
            `${this.config.publicUrl}/account/second-factor\n\n` +
            `If you did not ask for this, tell your network admin at once.`,
        },
        m,
      );
    });
  }
}
