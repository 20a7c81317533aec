/*
 * EU-only storage (issue 20 part 6, I5): with DATA_RESIDENCY=eu the server refuses at boot an S3 store that is not
 * in the EU/EEA. The region is read from a known provider's endpoint address when there is one (AWS, Cloudflare R2,
 * DigitalOcean, Scaleway, Hetzner, OVHcloud, Backblaze), else from S3_REGION. An endpoint on the operator's own
 * network (localhost, a private address, a .local/.internal/.lan name — a MinIO next to the server) is where the
 * operator put it: allowed. Pure: no I/O.
 */

/** Regions inside the EU/EEA by the names providers give them (not London, not Zurich). */
const EU_REGIONS = new Set([
  // AWS (and most S3-compatible stores copying its names)
  'eu-central-1',
  'eu-west-1',
  'eu-west-3',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  // Google Cloud Storage
  'europe-west1',
  'europe-west3',
  'europe-west4',
  'europe-west8',
  'europe-west9',
  'europe-west10',
  'europe-west12',
  'europe-north1',
  'europe-north2',
  'europe-central2',
  'europe-southwest1',
  'eu',
  // Scaleway, Hetzner, DigitalOcean, OVHcloud, Backblaze B2, Exoscale
  'fr-par',
  'nl-ams',
  'pl-waw',
  'fsn1',
  'nbg1',
  'hel1',
  'ams3',
  'fra1',
  'gra',
  'sbg',
  'rbx',
  'de',
  'waw',
  'eu-west-par',
  'eu-central-003',
  'de-fra-1',
  'de-muc-1',
  'at-vie-1',
  'at-vie-2',
  'bg-sof-1',
]);

/** A host on the operator's own network. */
function isOwnNetwork(host: string) {
  if (host === 'localhost' || /\.(local|internal|lan|localdomain)$/.test(host) || !host.includes('.'))
    return true;
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return host === '[::1]' || /^\[f[cd]/i.test(host);
}

/** The region a provider's endpoint names, '' when it names none. */
function regionOfHost(host: string): string | null {
  const patterns: RegExp[] = [
    /(?:^|\.)s3[.-]([a-z0-9-]+)\.amazonaws\.com$/,
    /^([a-z0-9]+)\.digitaloceanspaces\.com$/,
    /^s3\.([a-z-]+)\.scw\.cloud$/,
    /^([a-z0-9]+)\.your-objectstorage\.com$/,
    /^s3\.([a-z-]+)\.(?:io\.)?cloud\.ovh\.net$/,
    /^s3\.([a-z0-9-]+)\.backblazeb2\.com$/,
    /^sos-([a-z0-9-]+)\.exo\.io$/,
  ];
  for (const p of patterns) {
    const m = p.exec(host);
    if (m) return m[1];
  }
  return null;
}

/** Why the S3 store is not EU/EEA-only (Danish and English), or null when it is. */
export function residencyProblem(s3: { endpoint?: string; region: string }): string | null {
  let where = `region ${s3.region}`;
  let region = s3.region;
  if (s3.endpoint) {
    let host: string;
    try {
      host = new URL(s3.endpoint).hostname.toLowerCase();
    } catch {
      host = s3.endpoint.toLowerCase();
    }
    if (isOwnNetwork(host)) return null;
    if (host.endsWith('.r2.cloudflarestorage.com')) {
      if (host.endsWith('.eu.r2.cloudflarestorage.com')) return null;
      region = '';
      where = `${host} (Cloudflare R2 uden EU-jurisdiktion / without the EU jurisdiction)`;
    } else {
      const named = regionOfHost(host);
      if (named !== null) region = named;
      where = named !== null ? `${host}, region ${named}` : `${host}, region ${s3.region}`;
    }
  }
  if (EU_REGIONS.has(region)) return null;
  return [
    `DATA_RESIDENCY=eu: S3-lageret (${where}) ligger ikke i EU/EØS. Vælg en region i EU/EØS (fx eu-central-1 eller eu-north-1) med S3_REGION/S3_ENDPOINT, eller fjern DATA_RESIDENCY.`,
    `DATA_RESIDENCY=eu: the S3 storage (${where}) is not in the EU/EEA. Choose an EU/EEA region (e.g. eu-central-1 or eu-north-1) with S3_REGION/S3_ENDPOINT, or remove DATA_RESIDENCY.`,
  ].join('\n');
}
