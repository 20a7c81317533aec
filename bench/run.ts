/**
 * npm run bench [-- api|video|upload|segments …] — runs the named benchmarks (all of them when none is named),
 * one after the other, each writing bench/results/<date>-<name>.json. See bench/README.md.
 */
import os from 'node:os';
import { apiBench } from './api.js';
import { captionsBench } from './captions.js';
import { catalogueBench } from './catalogue.js';
import { clipBench } from './clip.js';
import { exportBench } from './export.js';
import { feedbackBench } from './feedback.js';
import { inquiryBench } from './inquiry.js';
import { memoryBench } from './memory.js';
import { observationBench } from './observation.js';
import { oidcBench } from './oidc.js';
import { openapiBench } from './openapi.js';
import { pageLoadBench } from './page-load.js';
import { playableBench } from './playable.js';
import { progressionBench } from './progression.js';
import { progressionImportBench } from './progression-import.js';
import { resetTimingBench } from './reset-timing.js';
import { retentionBench } from './retention.js';
import { searchMixBench } from './search-mix.js';
import { segmentsBench } from './segments.js';
import { staffSyncBench } from './staff-sync.js';
import { surveyBench } from './survey.js';
import { uploadBench } from './upload.js';
import { videoBench } from './video.js';
import { workerStartBench } from './worker-start.js';

const BENCHES: Record<string, () => Promise<void>> = {
  api: apiBench,
  video: videoBench,
  upload: uploadBench,
  segments: segmentsBench,
  catalogue: catalogueBench,
  observation: observationBench,
  inquiry: inquiryBench,
  'search-mix': searchMixBench,
  'page-load': pageLoadBench,
  playable: playableBench,
  progression: progressionBench,
  'progression-import': progressionImportBench,
  'reset-timing': resetTimingBench,
  'worker-start': workerStartBench,
  openapi: openapiBench,
  survey: surveyBench,
  clip: clipBench,
  feedback: feedbackBench,
  captions: captionsBench,
  memory: memoryBench,
  export: exportBench,
  'staff-sync': staffSyncBench,
  oidc: oidcBench,
  retention: retentionBench,
};

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((n) => !(n in BENCHES));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(', ')}: use ${Object.keys(BENCHES).join(', ')}`);
  for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) {
    const load = os.loadavg()[0];
    console.log(`\n== ${name} (load average ${load.toFixed(2)} on ${os.cpus().length} cores)`);
    if (load > os.cpus().length * 0.75)
      console.warn('   the machine is busy: results will be noisy; rerun when it is quiet');
    await BENCHES[name]();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
