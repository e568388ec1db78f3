export * from '../ingest/zone.js';
