import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/server/db/schema.ts',
    './src/server/db/videos-schema.ts',
    './src/server/db/community-schema.ts',
    './src/server/db/training-schema.ts',
    './src/server/db/observation-schema.ts',
    './src/server/db/inquiry-schema.ts',
    './src/server/db/evaluation-schema.ts',
    './src/server/db/progression-schema.ts',
    './src/server/db/progression-import-schema.ts',
    './src/server/db/conversations-schema.ts',
    './src/server/db/survey-schema.ts',
    './src/server/db/coaching-schema.ts',
    './src/server/db/retention-schema.ts',
    './src/server/db/staff-sync-schema.ts',
    './src/server/db/mydata-schema.ts',
    './src/server/db/sso-schema.ts',
  ],
  out: './drizzle',
});
