import { afterAll, afterEach, expect } from 'vitest';
import { takeCspViolations } from './browser.js';

/**
 * Shared setup of every e2e file (vitest.e2e.config.ts `setupFiles`): the app runs under its real
 * Content-Security-Policy, and a test that caused a violation — an inline script or style the policy refuses,
 * a blocked worker, media or connection — fails, with the browser's own report of what was blocked.
 */
const check = () =>
  expect(takeCspViolations(), 'Content-Security-Policy violations in the browser').toEqual([]);

afterEach(check);
afterAll(check);
