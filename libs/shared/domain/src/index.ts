export * from './lib/roles';
export * from './lib/organisation';
export * from './lib/limits';
export * from './lib/errors';
export * from './lib/audit';
export * from './lib/policy';
export * from './lib/realtime';
export * from './lib/personal-data';
