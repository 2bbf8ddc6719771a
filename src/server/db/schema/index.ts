export * from './org.js';
export * from './auth.js';
export * from './audit.js';
export * from './campaigns.js';
export * from './notifications.js';
export * from './documents.js';
export * from './signals.js';
export * from './task-statuses.js';
