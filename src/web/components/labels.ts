import type { TFunction } from 'i18next';
import type { Grant } from '../api/people';

/** "Leder · Solsikkeskolen", "Forvaltning/læringspartner · Fjordby Kommune", "Administrator · hele Amongi". */
export function grantScope(
  t: TFunction,
  g: Pick<Grant, 'institutionName' | 'kommuneName' | 'institutionId'>,
) {
  if (g.institutionId) return g.institutionName ?? '';
  if (g.kommuneName) return g.kommuneName;
  return t('roles.everywhere');
}

/** A short readable device name from a User-Agent string ("Chrome på Linux"). */
export function deviceName(t: TFunction, ua: string | null): string {
  if (!ua) return t('profile.unknownDevice');
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : ua.split(/[ /]/)[0];
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return os ? t('profile.deviceOn', { browser, os }) : browser;
}
