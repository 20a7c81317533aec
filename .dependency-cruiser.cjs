// Dependency rules (issue 14 point 2), checked in CI by `npm run check:deps`. What broke a rule when the rules
// were introduced is listed in .dependency-cruiser-known-violations.json (`--ignore-known`): only NEW violations
// fail. Shrink that file as modules get their front doors: `npx depcruise src --output-type baseline
// --output-to .dependency-cruiser-known-violations.json`.
// Tests and test helpers: *.test.ts(x), <name>.testing.ts beside the code it helps test, and everything in
// src/server/testing/ (the helpers many tests share).
const TEST_CODE = ['\\.test\\.tsx?$', '\\.testing\\.ts$', '^src/server/testing/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'module-front-door',
      severity: 'error',
      comment:
        "A module (src/server/modules/<area>/) uses another module only through that module's index.ts: never its repo or other internals.",
      from: { path: '^src/server/modules/([^/]+)/', pathNot: TEST_CODE },
      to: {
        path: '^src/server/modules/[^/]+/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'front-door-from-outside',
      severity: 'error',
      comment:
        'Code outside the modules (main.ts, app.ts, the demo seed, the CLI) uses a module only through its index.ts, like another module does.',
      from: { path: '^src/server/', pathNot: [...TEST_CODE, '^src/server/modules/'] },
      to: { path: '^src/server/modules/[^/]+/', pathNot: '^src/server/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'infrastructure-not-modules',
      severity: 'error',
      comment:
        'Infrastructure (auth, mail, db, http, storage, media, jobs, csv, ics) does not import modules (its tests may).',
      from: { path: '^src/server/(auth|mail|db|http|storage|media|jobs|csv|ics)/', pathNot: TEST_CODE },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'shared-stays-shared',
      severity: 'error',
      comment: 'src/shared is used by server and web and imports from neither.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The browser code never imports server code (only src/shared).',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'production-not-test-code',
      severity: 'error',
      comment: 'Production code never imports test helpers (src/server/testing, *.testing.ts) or test files.',
      from: { path: '^src/', pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^dist', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
