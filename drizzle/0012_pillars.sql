ALTER TABLE "kommuner" ADD COLUMN "pillar_labels" jsonb;
