import { Inject, Injectable, Logger } from '@nestjs/common';
import { seedCaseloads } from './caseload-demo';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PasswordService } from '../modules/auth/password.service';
import { seedForum } from './forum-demo';
import { seedLibrary } from './library-demo';
import { seedMeetings } from './meetings-demo';
import { seedSecondFactors } from './second-factor-demo';
import { seedSupervision } from './supervision-demo';
import {
  DEMO_ACCOUNTS,
  DEMO_CENSUS_DATE,
  DEMO_NETWORK,
  DEMO_PASSWORD,
  LOCAL_AUTHORITIES,
  NATIONAL_AVERAGES,
  TRUSTS,
} from './demo-data';

/** Seeds the demo network into an empty database, in one transaction. Never in production. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordService,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    if (!this.config.seedDemoData) return false;
    const [{ count }] = await this.ds.query('SELECT count(*)::int AS count FROM networks');
    if (count > 0) return false;
    const hash = await this.passwords.hash(DEMO_PASSWORD);
    await this.ds.transaction((m) => this.seed(m, hash));
    this.logger.log(`Seeded demo data: ${TRUSTS.length} trusts, ${DEMO_ACCOUNTS.length} demo accounts`);
    return true;
  }

  private async seed(m: EntityManager, passwordHash: string): Promise<void> {
    const one = async (sql: string, params: unknown[]): Promise<string> => (await m.query(sql, params))[0].id;
    const networkId = await one('INSERT INTO networks (name) VALUES ($1) RETURNING id', [DEMO_NETWORK]);

    const laIds = new Map<string, string>();
    for (const la of LOCAL_AUTHORITIES) {
      const id = await one(
        'INSERT INTO local_authorities (name, funding_unit) VALUES ($1, $2) RETURNING id',
        [la.name, la.unit],
      );
      laIds.set(la.name, id);
      for (const [i, [label, pounds]] of la.bands.entries()) {
        await m.query(
          'INSERT INTO funding_bands (local_authority_id, label, annual_value_pence, position) VALUES ($1, $2, $3, $4)',
          [id, label, pounds * 100, i + 1],
        );
      }
    }
    for (const a of NATIONAL_AVERAGES) {
      await m.query(
        'INSERT INTO national_averages (phase, ehcp_per_mille, sen_support_per_mille, source) VALUES ($1, $2, $3, $4)',
        [
          a.phase,
          Math.round(a.ehcp * 10),
          Math.round(a.senSupport * 10),
          'National averages quoted in the workshop document',
        ],
      );
    }

    const scopes = new Map<string, { trustId: string | null; schoolId: string | null }>();
    const trustIds = new Map<string, string>();
    const userIds = new Map<string, string>();
    const schoolIds = new Map<string, string>();
    for (const t of TRUSTS) {
      const trustId = await one(
        'INSERT INTO trusts (network_id, name, short_name) VALUES ($1, $2, $3) RETURNING id',
        [networkId, t.name, t.shortName],
      );
      scopes.set(t.shortName, { trustId, schoolId: null });
      trustIds.set(t.shortName, trustId);
      for (const s of t.schools) {
        const schoolId = await one(
          `INSERT INTO schools (trust_id, local_authority_id, name, phase, number_on_roll, ehcp_count, sen_support_count, census_date)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [trustId, laIds.get(s.la), s.name, s.phase, s.roll, s.ehcp, s.senSupport, DEMO_CENSUS_DATE],
        );
        scopes.set(`${t.shortName}/${s.name}`, { trustId: null, schoolId });
        schoolIds.set(`${t.shortName}/${s.name}`, schoolId);
      }
    }

    for (const acc of DEMO_ACCOUNTS) {
      const userId = await one(
        'INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id',
        [acc.email, acc.name, passwordHash],
      );
      userIds.set(acc.email, userId);
      for (const g of acc.grants) {
        const scope = g.scope ? scopes.get(g.scope) : { trustId: null, schoolId: null };
        if (!scope) throw new Error(`Demo data names an unknown scope: ${g.scope}`);
        await m.query(
          'INSERT INTO memberships (user_id, role, trust_id, school_id) VALUES ($1, $2, $3, $4)',
          [userId, g.role, scope.trustId, scope.schoolId],
        );
      }
    }
    await seedForum(m, userIds, trustIds);
    await seedLibrary(m, userIds);
    await seedCaseloads(m, schoolIds, userIds);
    await seedMeetings(m, schoolIds, userIds);
    await seedSupervision(m, schoolIds, userIds);
    // Last, so every account that reads case data is enrolled with the demo key (never in production).
    await seedSecondFactors(m, this.config.secondFactorKey);
  }
}
