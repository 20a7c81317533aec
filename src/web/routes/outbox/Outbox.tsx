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
import { type OutboxEmail, useOutbox } from '../../api/outbox';
import { Button } from '../../components/Button';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';

/** Plain text with its web addresses as links (only http/https, rendered by React, so nothing else can run). */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <pre className="email-text">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never move
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

/**
 * One e-mail, as plain text by default. The HTML version is shown on request in a sandboxed frame
 * (sandbox="": no scripts, no forms, no same-origin access); it is never put into the page itself.
 */
function EmailDialog({ email }: { email: OutboxEmail }) {
  const { t } = useTranslation();
  const [asHtml, setAsHtml] = useState(false);
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
                  <Button variant="link" aria-pressed={asHtml} onClick={() => setAsHtml((v) => !v)}>
                    {t('outbox.showHtml')}
                  </Button>
                )}
                {!asHtml || !email.html ? (
                  <LinkedText text={email.text} />
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
        <QueryView query={outbox} empty={items.length === 0 && t('outbox.empty')}>
          {() => (
            <TableWrap label={t('outbox.title')}>
              <table aria-labelledby="outbox-heading">
                <thead>
                  <tr>
                    <th scope="col">{t('outbox.subject')}</th>
                    <th scope="col" className="col-secondary">
                      {t('outbox.to')}
                    </th>
                    <th scope="col">{t('outbox.status')}</th>
                    <th scope="col" className="col-secondary">
                      {t('outbox.created')}
                    </th>
                    <th scope="col">
                      <span className="sr-only">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{m.subject}</th>
                      <td className="break col-secondary">{m.toAddress}</td>
                      <td>
                        <span className={`badge badge-mail-${m.status}`}>
                          {t(`outbox.statuses.${m.status}`)}
                        </span>
                      </td>
                      <td className="col-secondary">{formatDateTime(m.createdAt)}</td>
                      <td className="actions">
                        <EmailDialog email={m} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </QueryView>
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
