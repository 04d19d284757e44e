import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditAction,
  ErrorCode,
  SECOND_FACTOR_MESSAGES,
  isElevated,
  needsSecondFactor,
  normaliseRecoveryCode,
} from '@lantern/shared-domain';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/context/request-context';
import { AppError, Errors } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ElevateSessionInput } from './dto/elevate-session.input';
import { SecondFactorEnrolmentModel, SecondFactorStateModel } from './second-factor.model';
import { SessionElevationService } from './session-elevation.service';
import {
  decryptSecret,
  encryptSecret,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUrl,
  qrSvg,
  recoveryCodeHash,
} from './totp';

export const WRONG_CODE =
  'That code is not right. Enter the newest 6-digit code from your authenticator app (check the time on your phone is right).';
export const USED_CODE =
  'That code has already been used. Wait for the next code in your authenticator app, then enter it.';
export const WRONG_RECOVERY_CODE =
  'That recovery code is not right, or it has been used already. Each recovery code works once.';

interface FactorRow {
  secret_encrypted: string;
  confirmed_at: Date | null;
  last_step: string | null;
}

/**
 * A person's own second factor: enrolment (a new secret, active once a code from it is confirmed),
 * elevating the session with a code or a recovery code, and new recovery codes. Every code is
 * checked inside a transaction that locks the person's row, and a time step is accepted once
 * (replay); recovery codes are used up in the statement that checks them.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly elevation: SessionElevationService,
    private readonly audit: AuditService,
  ) {}

  async state(ctx: RequestContext): Promise<SecondFactorStateModel> {
    const s = ctx.session;
    if (!s || !ctx.actor) throw Errors.unauthenticated();
    const [row] = s.secondFactorEnrolled
      ? await this.ds.query(
          'SELECT count(*)::int AS left FROM second_factor_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
          [s.userId],
        )
      : [{ left: 0 }];
    const elevated = isElevated({ enrolled: s.secondFactorEnrolled, elevatedUntil: s.elevatedUntil });
    return {
      required: needsSecondFactor(ctx.actor),
      enrolled: s.secondFactorEnrolled,
      elevatedUntil: elevated && s.elevatedUntil ? new Date(s.elevatedUntil) : null,
      recoveryCodesLeft: Number(row?.left ?? 0),
    };
  }

  /** A new secret for the viewer's authenticator app; it replaces an unconfirmed one. */
  async startEnrolment(ctx: RequestContext): Promise<SecondFactorEnrolmentModel> {
    const s = ctx.session!;
    const secret = newTotpSecret();
    const started = await this.ds.query(
      `INSERT INTO user_second_factors (user_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, created_at = now(),
         last_step = NULL
       WHERE user_second_factors.confirmed_at IS NULL
       RETURNING user_id`,
      [s.userId, encryptSecret(this.config.secondFactorKey, secret)],
    );
    if (!started.length)
      throw Errors.conflict(
        'You already have a second factor. If you have lost the device it is on, ask a network admin to reset it.',
      );
    const url = otpauthUrl(secret, s.email);
    return { secret, otpauthUrl: url, qrSvg: await qrSvg(url) };
  }

  /** The first code from the new secret: the factor becomes active, this session elevated; ten recovery codes. */
  async confirmEnrolment(ctx: RequestContext, code: string): Promise<string[]> {
    const s = ctx.session!;
    const codes = await this.ds.transaction(async (m) => {
      const row = await this.lockFactor(m, s.userId);
      if (!row)
        throw Errors.badInput('Start setting up your authenticator app first.', { code: 'Not started' });
      if (row.confirmed_at) throw Errors.conflict('Your second factor is already set up.');
      await this.acceptTotp(m, s.userId, row, code);
      await m.query('UPDATE user_second_factors SET confirmed_at = now() WHERE user_id = $1', [s.userId]);
      const fresh = await this.replaceRecoveryCodes(m, s.userId);
      await this.elevation.elevate(ctx, m);
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.SecondFactorEnrolled,
          summary: `${s.displayName} set up a second factor`,
          targetType: 'user',
          targetId: s.userId,
        },
        m,
      );
      return fresh;
    });
    ctx.session = { ...ctx.session!, secondFactorEnrolled: true };
    return codes;
  }

  /** Elevate this session with a code or a recovery code; optionally remember this device for 30 days. */
  async elevate(ctx: RequestContext, input: ElevateSessionInput): Promise<void> {
    const s = ctx.session!;
    const code = input.code?.trim() ?? '';
    const recovery = input.recoveryCode?.trim() ?? '';
    if (!code && !recovery)
      throw Errors.badInput('Enter the 6-digit code from your authenticator app.', {
        code: 'Enter the 6-digit code',
      });
    await this.ds.transaction(async (m) => {
      const row = await this.lockFactor(m, s.userId);
      if (!row?.confirmed_at)
        throw new AppError(
          ErrorCode.SecondFactorEnrolmentRequired,
          SECOND_FACTOR_MESSAGES[ErrorCode.SecondFactorEnrolmentRequired],
        );
      if (code) await this.acceptTotp(m, s.userId, row, code);
      else await this.useRecoveryCode(ctx, m, recovery);
      await this.elevation.elevate(ctx, m);
      if (input.rememberDevice) await this.elevation.rememberDevice(ctx, m);
    });
  }

  /** Ten new recovery codes (the old ones stop working); needs a code from the authenticator app. */
  async regenerateRecoveryCodes(ctx: RequestContext, code: string): Promise<string[]> {
    const s = ctx.session!;
    return this.ds.transaction(async (m) => {
      const row = await this.lockFactor(m, s.userId);
      if (!row?.confirmed_at)
        throw new AppError(
          ErrorCode.SecondFactorEnrolmentRequired,
          SECOND_FACTOR_MESSAGES[ErrorCode.SecondFactorEnrolmentRequired],
        );
      await this.acceptTotp(m, s.userId, row, code);
      const fresh = await this.replaceRecoveryCodes(m, s.userId);
      await this.audit.recordFor(
        ctx,
        {
          action: AuditAction.SecondFactorRecoveryCodesRenewed,
          summary: `${s.displayName} made new recovery codes`,
          targetType: 'user',
          targetId: s.userId,
        },
        m,
      );
      return fresh;
    });
  }

  private async lockFactor(m: EntityManager, userId: string): Promise<FactorRow | undefined> {
    const [row] = await m.query(
      'SELECT secret_encrypted, confirmed_at, last_step FROM user_second_factors WHERE user_id = $1 FOR UPDATE',
      [userId],
    );
    return row as FactorRow | undefined;
  }

  /** Accept a TOTP code once: wrong codes and a time step already used are refused. */
  private async acceptTotp(m: EntityManager, userId: string, row: FactorRow, typed: string): Promise<void> {
    const step = matchTotp(decryptSecret(this.config.secondFactorKey, row.secret_encrypted), typed);
    if (step === null) throw Errors.badInput(WRONG_CODE, { code: 'Not right' });
    if (row.last_step !== null && step <= Number(row.last_step))
      throw Errors.badInput(USED_CODE, { code: 'Already used' });
    await m.query('UPDATE user_second_factors SET last_step = $2, last_used_at = now() WHERE user_id = $1', [
      userId,
      step,
    ]);
  }

  private async useRecoveryCode(ctx: RequestContext, m: EntityManager, typed: string): Promise<void> {
    const s = ctx.session!;
    const normalised = normaliseRecoveryCode(typed);
    const used: unknown[] = /^[a-z0-9]{10}$/.test(normalised)
      ? await m.query(
          `UPDATE second_factor_recovery_codes SET used_at = now()
            WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
          [s.userId, recoveryCodeHash(this.config.secondFactorKey, s.userId, normalised)],
        )
      : [];
    const rows = Array.isArray(used[0]) ? (used[0] as unknown[]) : used;
    if (!rows.length) throw Errors.badInput(WRONG_RECOVERY_CODE, { recoveryCode: 'Not right or used' });
    const [left] = await m.query(
      'SELECT count(*)::int AS left FROM second_factor_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
      [s.userId],
    );
    await this.audit.recordFor(
      ctx,
      {
        action: AuditAction.SecondFactorRecoveryCodeUsed,
        summary: `${s.displayName} used a recovery code (${left?.left ?? 0} left)`,
        targetType: 'user',
        targetId: s.userId,
      },
      m,
    );
  }

  private async replaceRecoveryCodes(m: EntityManager, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await m.query('DELETE FROM second_factor_recovery_codes WHERE user_id = $1', [userId]);
    await m.query(
      `INSERT INTO second_factor_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`,
      [userId, codes.map((c) => recoveryCodeHash(this.config.secondFactorKey, userId, c))],
    );
    return codes;
  }
}
