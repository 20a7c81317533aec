import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../shared/constants.js';

/** The user's own setting wins; else the first supported language in Accept-Language; else Danish. */
export function requestLocale(req: FastifyRequest): Locale {
  if (req.user) return req.user.locale;
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return 'da';
  const langs = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang } of langs) if (lang === 'da' || lang === 'en') return lang;
  return 'da';
}
