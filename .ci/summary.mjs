// Adds up vitest JSON reports and prints one plain closing line: "tests: N passed, N failed, N skipped".
import fs from 'node:fs';
import path from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.log(`${path.basename(file)}: no report (the step did not run its tests)`);
    failed++;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const s = {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + (r.numTodoTests ?? 0),
  };
  if (r.numFailedTestSuites && !s.failed) s.failed = r.numFailedTestSuites;
  console.log(
    `${path.basename(file, '.json')}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`,
  );
  passed += s.passed;
  failed += s.failed;
  skipped += s.skipped;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
