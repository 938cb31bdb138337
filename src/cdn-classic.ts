// The classic-script CDN build: one self-contained file, every element defined as it runs (there
// is no second file to wait for, so nothing is gained by deferring).
export * from './index.js';
