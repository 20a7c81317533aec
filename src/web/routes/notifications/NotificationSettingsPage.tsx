import { type FormEvent, useState } from 'react';
import {
  NOTIFICATION_DELIVERIES,
  type NotificationDelivery,
  type NotificationKind,
} from '../../../shared/training';
import { type Preferences, usePreferences, useSavePreferences } from '../../api/notifications';
import { Notice, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { RadioGroupField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { useWords } from '../../i18n/words';
import { kindKey } from './notificationText';
import './notification-settings.css';

/** The kinds in the order and groups the page shows them. */
const GROUPS: {
  id: 'discussion' | 'communities' | 'training' | 'observation' | 'teams' | 'evaluation';
  prefix: string;
}[] = [
  { id: 'discussion', prefix: 'comment.' },
  { id: 'communities', prefix: 'community.' },
  { id: 'training', prefix: 'training.' },
  { id: 'observation', prefix: 'observation.' },
  { id: 'teams', prefix: 'inquiry.' },
  { id: 'evaluation', prefix: 'evaluation.' },
];

function SettingsForm({ prefs }: { prefs: Preferences }) {
  // A kind's label in the person's words ("Et besøg i dit læringsmiljø" for a pædagog).
  const { t } = useWords();
  const save = useSavePreferences();
  const [chosen, setChosen] = useState<Record<string, NotificationDelivery>>(() =>
    Object.fromEntries(prefs.items.map((i) => [i.kind, i.delivery])),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const deliveryLabel = (d: NotificationDelivery) => t(`notifications.settings.deliveries.${d}`);

  function choose(kind: NotificationKind, delivery: NotificationDelivery) {
    setNotice(null);
    setChosen((c) => ({ ...c, [kind]: delivery }));
  }
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    // Only what changed: kinds never chosen keep following their default.
    const items = prefs.items
      .filter((i) => chosen[i.kind] && chosen[i.kind] !== i.delivery)
      .map((i) => ({ kind: i.kind, delivery: chosen[i.kind] }));
    save.mutate(items, { onSuccess: () => setNotice(t('notifications.settings.saved')) });
  }

  return (
    <form onSubmit={submit} noValidate>
      {GROUPS.map((g) => {
        const items = prefs.items.filter((i) => i.kind.startsWith(g.prefix));
        if (items.length === 0) return null;
        return (
          <section key={g.id} className="delivery-group" aria-labelledby={`delivery-group-${g.id}`}>
            <h2 id={`delivery-group-${g.id}`}>{t(`notifications.settings.groups.${g.id}`)}</h2>
            {items.map((i) => (
              <div key={i.kind} className="delivery-kind">
                <RadioGroupField<NotificationDelivery>
                  legend={t(`notifications.kindLabels.${kindKey(i.kind)}`)}
                  name={`delivery-${i.kind}`}
                  hint={t('notifications.settings.defaultHint', {
                    delivery: deliveryLabel(i.defaultDelivery),
                  })}
                  value={chosen[i.kind] ?? i.delivery}
                  onChange={(d) => choose(i.kind, d)}
                  choices={NOTIFICATION_DELIVERIES.map((d) => ({ value: d, label: deliveryLabel(d) }))}
                />
              </div>
            ))}
          </section>
        );
      })}
      <RequestError error={save.error} />
      <Notice message={notice} />
      <div className="form-actions">
        <Button type="submit" busy={save.isPending}>
          {t('notifications.settings.save')}
        </Button>
      </div>
    </form>
  );
}

/** /notifikationer/indstillinger: per kind, off / in the app only / e-mail at once / daily digest. */
export function NotificationSettingsPage() {
  const { t } = useWords();
  usePageTitle(t('notifications.settings.title'));
  const prefs = usePreferences();
  return (
    <div className="page page-form">
      <Breadcrumbs
        items={[
          { to: '/notifikationer', label: t('notifications.settings.back') },
          { label: t('notifications.settings.title') },
        ]}
      />
      <h1>{t('notifications.settings.title')}</h1>
      <p className="lead">{t('notifications.settings.intro')}</p>
      <QueryView query={prefs}>
        {(p) => (
          <>
            <p>
              {p.email && `${t('notifications.settings.emailTo', { email: p.email })} `}
              {t('notifications.settings.digestHelp')}
            </p>
            <SettingsForm prefs={p} />
          </>
        )}
      </QueryView>
    </div>
  );
}
