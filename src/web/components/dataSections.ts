import type { Me } from '../api/people';
import { canSeeStatistics } from '../api/reflection';

/**
 * The data and development tools (observation, dataårshjul, progression, the staff survey, learning conversations,
 * statistics): one entry "Data" in the main menu opens a page listing the ones a person can use, so the menu stays
 * one line. `key`: the section's area in the texts (its name is `<key>.nav`, what it is for `dataHub.<key>`).
 */
export type DataSection = { to: string; key: string };

export function dataSections(me: Me): DataSection[] {
  const atWork = me.grants.some((g) => g.institutionId || g.role === 'forvaltning');
  const out: DataSection[] = [];
  if (atWork)
    out.push(
      { to: '/observation', key: 'observation' },
      { to: '/dataaarshjul', key: 'evaluation' },
      { to: '/progression', key: 'progression' },
    );
  if (atWork || me.capabilities.administer) out.push({ to: '/medarbejderundersoegelse', key: 'surveyAdmin' });
  if (me.grants.some((g) => g.role === 'forvaltning' || g.role === 'leder'))
    out.push({ to: '/laeringssamtaler', key: 'conversations' });
  if (canSeeStatistics(me)) out.push({ to: '/statistik', key: 'statistics' });
  return out;
}

/** Is this path inside one of the sections (the menu's "Data" is then the current place)? */
export const inDataSection = (sections: DataSection[], path: string) =>
  path === '/data' || sections.some((s) => path === s.to || path.startsWith(`${s.to}/`));
