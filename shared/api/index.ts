export * from './contract';
export * from './errors';
export * from './client';
export * from './schemas/common';
export * from './schemas/cases';
export * from './schemas/catalog';
export * from './schemas/evidence';
