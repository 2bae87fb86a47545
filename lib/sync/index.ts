/** Sync across devices, the pure part (no browser API): the format, the mirror, the merge, the status. */
export * from './format';
export * from './merge';
export * from './mirror';
export * from './pack';
export * from './status';
