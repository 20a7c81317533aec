import { useSearchParams } from 'react-router';
import type { ObservationMe } from '../../../api/observation';
import { useObservationMe } from '../../../api/observation-lead';
import { SelectField } from '../../../components/Field';
import { useWords } from '../../../i18n/words';

export type MeInstitution = ObservationMe['institutions'][number];
type Ability = keyof MeInstitution['can'];

/**
 * The institution a leader's page works on: those where the person may `ability`; with several, the choice is
 * kept in the address (?institution=<id>) so a reload or a shared link keeps it.
 */
export function useChosenInstitution(ability: Ability) {
  const me = useObservationMe();
  const [params, setParams] = useSearchParams();
  const options = (me.data?.institutions ?? []).filter((i) => i.can[ability]);
  const wanted = params.get('institution');
  const chosen = options.find((i) => i.id === wanted) ?? options[0] ?? null;
  const choose = (id: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('institution', id);
        return next;
      },
      { replace: true },
    );
  return { me, options, chosen, choose };
}

/** A select of the institutions, shown only when there is more than one. */
export function InstitutionChoice({
  options,
  chosen,
  choose,
}: {
  options: MeInstitution[];
  chosen: MeInstitution | null;
  choose: (id: string) => void;
}) {
  const { t } = useWords();
  if (options.length < 2 || !chosen) return null;
  return (
    <div className="obsl-institution-choice">
      <SelectField
        label={t('observationLead.institution')}
        value={chosen.id}
        onChange={(e) => choose(e.target.value)}
      >
        {options.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
