// Test-only encoders live in test/support/legacy.ts (shared with fixture builders).
export { encodeLegacy } from '../../support/legacy';
