import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  deleteConversation,
  shareConversation,
  useConversation,
  useConversationRefresh,
} from '../../api/conversations';
import { Loading, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/Dialogs';
import { usePageTitle } from '../../components/usePageTitle';
import { NotThere } from '../inquiry/common';
import { ComparePicker } from '../videos/compare/ComparePicker';
import { CompareView } from './CompareView';
import { FiguresView } from './FiguresView';
import { formatDay } from './format';
import { HandDown } from './HandDown';
import { PackageEditor } from './PackageEditor';
import { Previous, RecordForm } from './RecordForm';
import './conversations.css';

/** /laeringssamtaler/:id — a unit's data package, its figures, the record, the follow-up and handing the focus down. */
export function ConversationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const refresh = useConversationRefresh();
  const q = useConversation(id);
  usePageTitle(q.data?.title ?? t('conversations.title'));

  if (q.isPending) return <Loading />;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404)
      return <NotThere back="/laeringssamtaler" backLabel={t('conversations.back')} />;
    return <RequestError error={q.error} />;
  }
  const d = q.data;
  const draft = d.state === 'draft';

  return (
    <div className="page-narrow conv-page">
      <Breadcrumbs
        items={[{ to: '/laeringssamtaler', label: t('conversations.title') }, { label: d.title }]}
      />
      <h1>{d.title}</h1>
      <p className="lead">
        {d.institution.name} · {d.plannedOn ? formatDay(d.plannedOn) : t('conversations.noDate')}{' '}
        <span className={`badge ${draft ? 'badge-info' : 'badge-active'}`}>
          {t(`conversations.state.${d.state}`)}
        </span>
      </p>
      <p className="hint">{t('conversations.ownDataOnly')}</p>
      {d.can.prepare && draft && (
        <>
          <PackageEditor detail={d} />
          <div className="page-actions">
            <ConfirmDialog
              title={t('conversations.share.title')}
              triggerLabel={t('conversations.share.button')}
              triggerVariant="primary"
              confirmVariant="primary"
              confirmLabel={t('conversations.share.confirm')}
              onConfirm={async () => refresh(await shareConversation(d.id, d.version))}
            >
              <p>{t('conversations.share.body', { unit: d.institution.name })}</p>
            </ConfirmDialog>
            <ConfirmDialog
              title={t('conversations.delete.title')}
              triggerLabel={t('conversations.delete.button')}
              confirmLabel={t('conversations.delete.confirm')}
              onConfirm={async () => {
                await deleteConversation(d.id);
                await refresh();
                navigate('/laeringssamtaler');
              }}
            >
              <p>{t('conversations.delete.body')}</p>
            </ConfirmDialog>
          </div>
        </>
      )}
      {d.previous && <Previous previous={d.previous} />}
      <FiguresView figures={d.figures} draft={draft} />
      <CompareView id={d.id} themes={d.figures.map((f) => ({ key: f.key, title: f.title }))} />
      {d.can.record && <RecordForm key={d.id} detail={d} />}
      <ComparePicker />
      <HandDown detail={d} />
    </div>
  );
}
