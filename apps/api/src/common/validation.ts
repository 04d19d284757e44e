import {
  ArgumentMetadata,
  Type,
  ValidationError,
  ValidationPipe,
  ValidationPipeOptions,
} from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { Errors } from './errors/app-error';

function collect(errors: ValidationError[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const first = e.constraints ? Object.values(e.constraints)[0] : undefined;
    if (first) fields[path] = first;
    if (e.children?.length) Object.assign(fields, collect(e.children, path));
  }
  return fields;
}

/** Input DTO validation whose failures are ordinary BAD_USER_INPUT errors with per-field messages. */
export function validationPipe(expectedType?: Type<unknown>): ValidationPipe {
  const options: ValidationPipeOptions = {
    expectedType,
    transform: false,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      const first = Object.values(fields)[0] ?? 'Some of what you entered is not valid.';
      return Errors.badInput(first, fields);
    },
  };
  return new ValidationPipe(options);
}

/**
 * A GraphQL input argument validated against its class. The class is named explicitly because
 * TypeScript records a nullable parameter (`X | null`) as Object, which a global pipe would skip.
 */
export function InputArg(
  name: string,
  cls: Type<unknown>,
  opts: { nullable?: boolean } = {},
): ParameterDecorator {
  const pipe = validationPipe(cls);
  return Args(
    name,
    { type: () => cls, nullable: opts.nullable ?? false },
    {
      transform: (value: unknown, meta: ArgumentMetadata) =>
        opts.nullable && (value === null || value === undefined) ? value : pipe.transform(value, meta),
    },
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ID argument: refused with a plain message when it is not a well-formed id. */
export function IdArg(name: string, opts: { nullable?: boolean } = {}): ParameterDecorator {
  return Args(
    name,
    { type: () => ID, nullable: opts.nullable ?? false },
    {
      transform(value: unknown) {
        if (opts.nullable && (value === null || value === undefined)) return null;
        if (typeof value !== 'string' || !UUID.test(value)) {
          throw Errors.badInput('That item does not exist or the link is broken.', {
            [name]: 'Not a valid id',
          });
        }
        return value;
      },
    },
  );
}
