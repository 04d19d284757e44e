import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ErrorCode } from '@lantern/shared-domain';

/** ISO 8601 with a date, optionally a time and offset: 2026-03-01, 2026-03-01T09:30:00Z. */
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function toDate(value: unknown): Date {
  const date = typeof value === 'string' && ISO.test(value.trim()) ? new Date(value.trim()) : null;
  if (!date || Number.isNaN(date.getTime()))
    throw new GraphQLError(
      `${JSON.stringify(value)} is not a date. Use a date like 2026-03-01 or a date and time like 2026-03-01T09:30:00Z.`,
      { extensions: { code: ErrorCode.BadInput } },
    );
  return date;
}

/**
 * `DateTime`, as @nestjs/graphql's (same name and description, so the schema is unchanged), except
 * that a value that is not a date is refused as BAD_USER_INPUT instead of becoming an Invalid Date
 * that fails later in SQL as an internal error. Registered through `buildSchemaOptions.scalarsMap`.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: toDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('A date must be written as a string, like "2026-03-01".', {
        extensions: { code: ErrorCode.BadInput },
      });
    return toDate(ast.value);
  },
  serialize(value) {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    if (typeof value === 'string' || typeof value === 'number') {
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? null : d.toISOString();
    }
    return null;
  },
});
