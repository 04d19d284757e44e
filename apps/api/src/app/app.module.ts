import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@lantern/shared-domain';
import { AppConfig } from '../config/config';
import { ConfigModule } from '../config/config.module';
import { connectWithRetry } from '../database/connect';
import { DatabaseOptions, dataSourceOptions } from '../database/data-source';
import { ActorsModule } from '../common/auth/actors.repository';
import { PolicyGuard } from '../common/auth/policy.guard';
import { currentRequestId } from '../common/context/request-id';
import { formatError } from '../common/errors/format-error';
import { HttpErrorFilter } from '../common/errors/http-error.filter';
import { maxTokensMiddleware } from '../common/graphql/max-tokens.middleware';
import { DateTimeScalar } from '../common/graphql/date-time.scalar';
import { RateLimitGuard } from '../common/security/rate-limit.guard';
import { ThrottleModule } from '../common/security/throttle';
import { AuditModule } from '../modules/audit/audit.module';
import { AuthModule } from '../modules/auth/auth.module';
import { RequestContextFactory } from '../modules/auth/request-context.factory';
import { DirectoryModule } from '../modules/directory/directory.module';
import { HealthModule } from '../modules/health/health.module';
import { InvitationsModule } from '../modules/invitations/invitations.module';
import { MailModule } from '../modules/mail/mail.module';
import { MembershipsModule } from '../modules/memberships/memberships.module';
import { SessionsModule } from '../modules/sessions/sessions.module';
import { UsersModule } from '../modules/users/users.module';
import { SeedModule } from '../seed/seed.module';
import { NotificationsModule } from '../modules/notifications/notifications.module';
import { RealtimeBusModule } from '../modules/realtime/realtime-bus';
import { RealtimeModule } from '../modules/realtime/realtime.module';
import { StreamsModule } from '../modules/streams/streams.module';
import { ForumModule } from '../modules/forum/forum.module';
import { FilesModule } from '../modules/files/files.module';
import { EhcpModule } from '../modules/ehcp/ehcp.module';
import { ActionsModule } from '../modules/actions/actions.module';
import { CaseAccessModule } from '../modules/case-access/case-access.module';
import { CaseloadModule } from '../modules/caseload/caseload.module';
import { SupervisionModule } from '../modules/supervision/supervision.module';
import { MeetingsModule } from '../modules/meetings/meetings.module';
import { BookmarksModule } from '../modules/bookmarks/bookmarks.module';
import { LibraryModule } from '../modules/library/library.module';
import { JobsModule } from '../modules/jobs/jobs.module';
import { SecondFactorModule } from '../modules/second-factor/second-factor.module';

/** Limits on what one GraphQL request may ask for (depth, aliases, cost, tokens). */
// maxCost: graphql-armor's static estimate; a full forum thread page scores about 5,300, so 20,000 leaves room
// for real pages while depth, aliases and tokens bound what an abusive query can ask for.
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 20_000,
  maxTokens: 2_000,
  maxDirectives: 20,
};

export interface AppModuleOptions {
  config: AppConfig;
  database: DatabaseOptions;
  logger: Logger;
}

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(maxTokensMiddleware(GRAPHQL_LIMITS.maxTokens)).forRoutes('graphql');
  }

  static forRoot({ config, database, logger }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ThrottleModule,
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(database, logger), retryAttempts: 0 }),
          dataSourceFactory: async (options) => {
            const ds = new DataSource(options!);
            await connectWithRetry(ds, config.dbConnectTimeoutMs, (m) => logger.warn(m));
            const ran = await ds.runMigrations({ transaction: 'each' });
            if (ran.length)
              logger.info({ migrations: ran.map((m) => m.name) }, 'Applied database migrations');
            return ds;
          },
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [RequestContextFactory],
          useFactory: (contexts: RequestContextFactory) => {
            const armor = new ApolloArmor({
              maxDepth: { n: GRAPHQL_LIMITS.maxDepth },
              maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
              costLimit: { maxCost: GRAPHQL_LIMITS.maxCost },
              // Our own token limit (maxTokensMiddleware) replaces armour's, which turns syntax errors into 500s.
              maxTokens: { enabled: false },
              maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
              blockFieldSuggestion: { enabled: config.isProduction },
            }).protect();
            return {
              path: '/graphql',
              autoSchemaFile: true,
              sortSchema: true,
              // Dates that are not dates are BAD_USER_INPUT, not an internal error later (date-time.scalar.ts).
              buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
              playground: false,
              introspection: !config.isProduction,
              includeStacktraceInErrorResponses: false,
              allowBatchedHttpRequests: false,
              // Lantern sets no cache hints; without this Apollo wraps every field resolver to collect them.
              plugins: [...armor.plugins, ApolloServerPluginCacheControlDisabled()],
              validationRules: [...armor.validationRules],
              context: async ({ req, res }: { req: Request; res: Response }) => {
                try {
                  return await contexts.create(req, res);
                } catch (err) {
                  logger.error({ err, requestId: currentRequestId() }, 'Could not build the request context');
                  throw new GraphQLError(
                    'Lantern cannot reach its database just now. Please try again in a moment.',
                    {
                      extensions: { code: ErrorCode.Unavailable, http: { status: 503 } },
                    },
                  );
                }
              },
              formatError: (formatted, error) =>
                formatError(formatted, error, currentRequestId(), {
                  production: config.isProduction,
                  log: (err, requestId) =>
                    logger.error({ err, requestId }, 'Unexpected error in a GraphQL request'),
                }),
            };
          },
        }),
        JobsModule,
        ActorsModule,
        SessionsModule,
        RealtimeBusModule,
        StreamsModule,
        NotificationsModule,
        RealtimeModule,
        AuditModule,
        MailModule,
        DirectoryModule,
        MembershipsModule,
        UsersModule,
        AuthModule,
        SecondFactorModule,
        InvitationsModule,
        HealthModule,
        ForumModule,
        FilesModule,
        ActionsModule,
        CaseAccessModule,
        EhcpModule,
        CaseloadModule,
        SupervisionModule,
        MeetingsModule,
        LibraryModule,
        BookmarksModule,
        SeedModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
