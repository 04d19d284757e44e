import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditAction,
  ErrorCode,
  NAME_MAX_LENGTH,
  isEmail,
  normaliseEmail,
  passwordProblem,
} from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/context/request-context';
import { AppError, Errors } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../sessions/sessions.service';
import { UserEntity } from '../users/user.entity';
import { ChangePasswordInput, LoginInput, UpdateProfileInput } from './dto/auth.inputs';
import { PasswordService } from './password.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

const WRONG = 'The email or password is not right. Check them and try again.';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /** Sign in and set the session cookie. The same answer for an unknown email and a wrong password. */
  async login(ctx: RequestContext, input: LoginInput): Promise<void> {
    const email = normaliseEmail(input.email);
    if (!isEmail(email) || !input.password) {
      throw Errors.badInput('Enter your email and password.', {
        ...(isEmail(email) ? {} : { email: 'Enter an email address like name@school.org.uk' }),
        ...(input.password ? {} : { password: 'Enter your password' }),
      });
    }
    // Attempts are throttled per address and per account and address before this runs (RateLimitGuard);
    // there is no account lock, which anyone who knows an email could trigger.
    const user = await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = user
      ? await this.passwords.verify(user.passwordHash, input.password)
      : await this.passwords.verifyNobody(input.password);

    if (!ok || !user || user.deactivatedAt) {
      await this.audit.record({
        actorUserId: user?.id ?? null,
        actorLabel: user?.displayName ?? 'Unknown',
        action: AuditAction.LoginFailed,
        summary: `Failed sign-in for ${email}`,
        ip: ctx.ip,
        targetType: 'user',
        targetId: user?.id,
      });
      throw new AppError(ErrorCode.InvalidCredentials, WRONG);
    }

    await this.startSession(ctx, user.id);
    await this.audit.record({
      actorUserId: user.id,
      actorLabel: user.displayName,
      action: AuditAction.LoginSucceeded,
      summary: `${user.displayName} signed in`,
      ip: ctx.ip,
      targetType: 'user',
      targetId: user.id,
    });
  }

  /** Create a session, set the cookie and make this request act as the new session. */
  async startSession(ctx: RequestContext, userId: string): Promise<void> {
    const { token, expiresAt } = await this.sessions.create(userId, { ip: ctx.ip, userAgent: ctx.userAgent });
    setSessionCookie(ctx.res, token, expiresAt, this.config.cookieSecure);
    const resolved = await this.sessions.resolve(token);
    ctx.session = resolved?.session ?? null;
    ctx.actor = resolved?.actor ?? null;
  }

  async logout(ctx: RequestContext): Promise<void> {
    const s = ctx.session!;
    await this.sessions.revoke(s.sessionId);
    clearSessionCookie(ctx.res, this.config.cookieSecure);
    await this.audit.record({
      actorUserId: s.userId,
      actorLabel: s.displayName,
      action: AuditAction.Logout,
      summary: `${s.displayName} signed out`,
      ip: ctx.ip,
      targetType: 'user',
      targetId: s.userId,
    });
  }

  async signOutEverywhere(ctx: RequestContext): Promise<void> {
    const s = ctx.session!;
    const ended = await this.sessions.revokeAllForUser(s.userId);
    clearSessionCookie(ctx.res, this.config.cookieSecure);
    await this.audit.record({
      actorUserId: s.userId,
      actorLabel: s.displayName,
      action: AuditAction.SignOutEverywhere,
      summary: `${s.displayName} signed out everywhere (${ended} session${ended === 1 ? '' : 's'})`,
      ip: ctx.ip,
      targetType: 'user',
      targetId: s.userId,
    });
  }

  async changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<void> {
    const s = ctx.session!;
    const user = await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: s.userId })
      .getOneOrFail();
    if (!(await this.passwords.verify(user.passwordHash, input.currentPassword))) {
      throw Errors.badInput('Your current password is not right.', { currentPassword: 'Not right' });
    }
    const problem = passwordProblem(input.newPassword, [user.email.split('@')[0] ?? '', user.displayName]);
    if (problem) throw new AppError(ErrorCode.WeakPassword, problem, { newPassword: problem });
    const hash = await this.passwords.hash(input.newPassword);
    await this.ds.transaction(async (m) => {
      await m.getRepository(UserEntity).update({ id: user.id }, { passwordHash: hash });
      await this.sessions.revokeAllForUser(user.id, m, s.sessionId);
      await this.audit.record(
        {
          actorUserId: user.id,
          actorLabel: user.displayName,
          action: AuditAction.PasswordChanged,
          summary: `${user.displayName} changed their password; other sessions ended`,
          ip: ctx.ip,
          targetType: 'user',
          targetId: user.id,
        },
        m,
      );
    });
  }

  async updateProfile(ctx: RequestContext, input: UpdateProfileInput): Promise<void> {
    const s = ctx.session!;
    const name = input.displayName.trim().replace(/\s+/g, ' ');
    if (!name || name.length > NAME_MAX_LENGTH) {
      throw Errors.badInput('Enter your name.', { displayName: `Enter 1 to ${NAME_MAX_LENGTH} characters` });
    }
    await this.ds.transaction(async (m) => {
      await m.getRepository(UserEntity).update({ id: s.userId }, { displayName: name });
      await this.audit.record(
        {
          actorUserId: s.userId,
          actorLabel: name,
          action: AuditAction.ProfileUpdated,
          summary: `${s.displayName} is now called ${name}`,
          ip: ctx.ip,
          targetType: 'user',
          targetId: s.userId,
        },
        m,
      );
    });
    ctx.session = { ...s, displayName: name };
  }
}
