export * from './lib/alert';
export * from './lib/confirm-dialog';
export * from './lib/empty-state';
export * from './lib/icon';
export * from './lib/loading';
export * from './lib/send-bar-chart';
export * from './lib/file-drop';
