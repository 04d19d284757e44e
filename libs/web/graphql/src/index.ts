export * from './lib/api-error';
export * from './lib/graphql-client';
export * from './generated/graphql';
