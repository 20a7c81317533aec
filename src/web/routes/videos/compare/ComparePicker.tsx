import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useComparable } from '../../../api/clips';
import { RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';

/**
 * "Optagelser side om side" where a conversation about practice happens (a learning conversation): two of the
 * recordings the person may watch — their own and those shared with them — opened on the side by side page.
 * Nothing is listed until asked, so a page that does not need it fetches nothing.
 */
export function ComparePicker() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const options = useComparable(open);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const headingId = useId();
  const list = options.data ?? [];
  const label = (o: (typeof list)[number]) =>
    o.mine ? o.title : t('clips.sharedBy', { title: o.title, name: o.owner });
  return (
    <section className="card compare-picker" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('compare.pickerTitle')}</h2>
      <p className="hint">{t('compare.fromConversation')}</p>
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('compare.pickerOpen')}
        </Button>
      ) : options.isPending ? (
        <p>{t('common.loading')}</p>
      ) : list.length < 2 ? (
        <p>{t('compare.pickerTooFew')}</p>
      ) : (
        <div className="clip-compare-pick">
          {(
            [
              ['a', a, setA, t('compare.pickLeft')],
              ['b', b, setB, t('compare.pickRight')],
            ] as const
          ).map(([key, value, set, text]) => (
            <SelectField key={key} label={text} value={value} onChange={(e) => set(e.target.value)}>
              <option value="">{t('clips.compareChoose')}</option>
              {list.map((o) => (
                <option key={o.id} value={o.id}>
                  {label(o)}
                </option>
              ))}
            </SelectField>
          ))}
          {a && b && a !== b ? (
            <Link className="btn btn-primary" to={`/videoer/sammenlign?a=${a}&b=${b}`}>
              {t('clips.compareGo')}
            </Link>
          ) : null}
        </div>
      )}
      <RequestError error={options.error} />
    </section>
  );
}
