import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';

const TIMEOUT_MS = 2_000;

/** 200 when the database answers, 503 when it does not; the process stays up either way. */
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @Public('load balancers and uptime checks ask without signing in')
  async health(@Res() res: Response): Promise<void> {
    const started = Date.now();
    let database: 'up' | 'down' = 'down';
    try {
      await Promise.race([
        this.ds.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref()),
      ]);
      database = 'up';
    } catch {
      database = 'down';
    }
    res
      .status(database === 'up' ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({ status: database === 'up' ? 'ok' : 'unavailable', database, latencyMs: Date.now() - started });
  }
}
