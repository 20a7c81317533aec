import { useState } from 'react';
import {
  Button as AriaButton,
  Dialog,
  DialogTrigger,
  Heading,
  Modal,
  ModalOverlay,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../api/queries';
import type { OutboxEmail } from '../api/types';
import { Loading, RequestError } from '../components/Alert';
import { Button } from '../components/Button';
import { usePageTitle } from '../components/usePageTitle';
import { formatDateTime } from '../i18n';

/** One e-mail. The HTML body is shown in a sandboxed frame (no scripts, no same-origin access), or as plain text. */
function EmailDialog({ email }: { email: OutboxEmail }) {
  const { t } = useTranslation();
  const [asText, setAsText] = useState(!email.html);
  return (
    <DialogTrigger>
      <AriaButton className="btn btn-secondary">
        {t('outbox.show')}
        <span className="sr-only">: {email.subject}</span>
      </AriaButton>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal modal-wide">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" level={2}>
                  {email.subject}
                </Heading>
                <dl className="meta-list">
                  <div>
                    <dt>{t('outbox.to')}</dt>
                    <dd className="break">{email.toAddress}</dd>
                  </div>
                  <div>
                    <dt>{t('outbox.created')}</dt>
                    <dd>{formatDateTime(email.createdAt)}</dd>
                  </div>
                  <div>
                    <dt>{t('outbox.status')}</dt>
                    <dd>{t(`outbox.statuses.${email.status}`)}</dd>
                  </div>
                  {email.lastError && (
                    <div>
                      <dt>{t('outbox.lastError')}</dt>
                      <dd className="break">{email.lastError}</dd>
                    </div>
                  )}
                </dl>
                {email.html && (
                  <Button variant="link" aria-pressed={asText} onClick={() => setAsText((v) => !v)}>
                    {t('outbox.showAsText')}
                  </Button>
                )}
                {asText || !email.html ? (
                  <pre className="email-text">{email.text}</pre>
                ) : (
                  <iframe
                    className="email-frame"
                    sandbox=""
                    srcDoc={email.html}
                    title={t('outbox.frameTitle', { subject: email.subject })}
                  />
                )}
                <div className="dialog-actions">
                  <Button variant="secondary" onClick={close}>
                    {t('common.close')}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

export function Outbox() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.title'));
  const outbox = useOutbox();
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page">
      <h1 id="outbox-heading">{t('outbox.title')}</h1>
      <p className="lead">{t('outbox.intro')}</p>
      <div className="card">
        {outbox.isPending ? (
          <Loading />
        ) : outbox.isError ? (
          <RequestError error={outbox.error} />
        ) : items.length === 0 ? (
          <p className="muted">{t('outbox.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table aria-labelledby="outbox-heading">
              <thead>
                <tr>
                  <th scope="col">{t('outbox.subject')}</th>
                  <th scope="col">{t('outbox.to')}</th>
                  <th scope="col">{t('outbox.status')}</th>
                  <th scope="col">{t('outbox.created')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.subject}</th>
                    <td className="break">{m.toAddress}</td>
                    <td>
                      <span className={`badge badge-mail-${m.status}`}>
                        {t(`outbox.statuses.${m.status}`)}
                      </span>
                    </td>
                    <td>{formatDateTime(m.createdAt)}</td>
                    <td className="actions">
                      <EmailDialog email={m} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {outbox.hasNextPage && (
          <Button
            variant="secondary"
            busy={outbox.isFetchingNextPage}
            onClick={() => void outbox.fetchNextPage()}
          >
            {t('people.showMore')}
          </Button>
        )}
      </div>
    </div>
  );
}
