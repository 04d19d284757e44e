import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditAction, ErrorCode, isEmail, normaliseEmail, passwordProblem } from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/context/request-context';
import { AppError, Errors } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { MailService } from '../mail/mail.service';
import { SessionsService, hashToken } from '../sessions/sessions.service';
import { UserEntity } from '../users/user.entity';
import { PasswordResetEntity } from './password-reset.entity';
import { PasswordService } from './password.service';

/** How long a reset link works. */
export const PASSWORD_RESET_MINUTES = 30;

export const RESET_LINK_PROBLEM =
  'This reset link has expired or has already been used. Ask for a new one from the sign-in page.';

/**
 * Self-service password reset by email. The answer to a request is the same whether or not the
 * address has an account, and it does not wait for the account lookup or the mail (which run
 * afterwards), so its timing says nothing either. A link is single use, expires after 30 minutes
 * and is stored only as a hash; asking again ends the earlier link. Setting a new password ends
 * every session of the person and never signs anyone in: they sign in afterwards, which is where a
 * second factor will be asked for once accounts can have one.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);
  /** Requests still being processed after their answer was sent (awaited by tests and on shutdown). */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  /** Ask for a reset link. Resolves at once, the same for every well-formed address. */
  request(ctx: RequestContext, rawEmail: string): void {
    const email = normaliseEmail(rawEmail);
    if (!isEmail(email))
      throw Errors.badInput('Enter your email address.', {
        email: 'Enter an email address like name@school.org.uk',
      });
    const work = this.send(email, ctx.ip)
      .catch((err: unknown) =>
        this.logger.error(
          `A password reset email could not be sent: ${err instanceof Error ? err.message : String(err)}`,
        ),
      )
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Wait for requests still being processed (tests; graceful shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private async send(email: string, ip: string | null | undefined): Promise<void> {
    const user = await this.ds.getRepository(UserEntity).findOneBy({ email });
    if (!user || user.deactivatedAt) return;
    const token = randomBytes(32).toString('base64url');
    await this.ds.transaction(async (m) => {
      // A new link ends any earlier one.
      await m.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [
        user.id,
      ]);
      await m.query(
        `INSERT INTO password_resets (user_id, token_hash, expires_at)
         VALUES ($1, $2, now() + make_interval(mins => $3))`,
        [user.id, hashToken(token), PASSWORD_RESET_MINUTES],
      );
      await this.audit.record(
        {
          actorUserId: user.id,
          actorLabel: user.displayName,
          action: AuditAction.PasswordResetRequested,
          summary: `A password reset link was sent to ${user.displayName}`,
          ip: ip ?? null,
          targetType: 'user',
          targetId: user.id,
        },
        m,
      );
      const link = `${this.config.publicUrl}/reset-password?token=${token}`;
      await this.mail.send(
        {
          to: user.email,
          subject: 'Reset your Lantern password',
          text:
            `Someone (we hope you) asked to reset the password of your Lantern account.\n\n` +
            `Choose a new password here (the link works once, for ${PASSWORD_RESET_MINUTES} minutes):\n${link}\n\n` +
            `If you did not ask, you can ignore this email: your password has not changed.`,
        },
        m,
      );
    });
  }

  /**
   * Set a new password with a reset link's token. The token is used up in the same statement that
   * checks it (two tries at once cannot both succeed); every session of the person ends.
   */
  async reset(ctx: RequestContext, token: string, newPassword: string): Promise<void> {
    const hash = token && token.length <= 100 ? hashToken(token) : null;
    const candidate = hash
      ? await this.ds.query(
          `SELECT u.id, u.email, u.display_name AS "displayName" FROM password_resets r JOIN users u ON u.id = r.user_id
           WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.deactivated_at IS NULL`,
          [hash],
        )
      : [];
    const user = candidate[0] as { id: string; email: string; displayName: string } | undefined;
    if (!user) throw new AppError(ErrorCode.BadInput, RESET_LINK_PROBLEM, { token: 'Expired or used' });
    const problem = passwordProblem(newPassword, [user.email.split('@')[0] ?? '', user.displayName]);
    if (problem) throw new AppError(ErrorCode.WeakPassword, problem, { newPassword: problem });
    const passwordHash = await this.passwords.hash(newPassword);
    await this.ds.transaction(async (m) => {
      const used: unknown[] = await m.query(
        `UPDATE password_resets SET used_at = now()
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
        [hash],
      );
      const rows = Array.isArray(used[0]) ? (used[0] as unknown[]) : used;
      if (!rows.length)
        throw new AppError(ErrorCode.BadInput, RESET_LINK_PROBLEM, { token: 'Expired or used' });
      await m.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      // Any other link of theirs ends too; so does every session, on every device.
      await m.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [
        user.id,
      ]);
      const ended = await this.sessions.revokeAllForUser(user.id, m);
      await this.audit.record(
        {
          actorUserId: user.id,
          actorLabel: user.displayName,
          action: AuditAction.PasswordReset,
          summary: `${user.displayName} set a new password with a reset link; ${ended} session${ended === 1 ? '' : 's'} ended`,
          ip: ctx.ip,
          targetType: 'user',
          targetId: user.id,
        },
        m,
      );
    });
  }
}
