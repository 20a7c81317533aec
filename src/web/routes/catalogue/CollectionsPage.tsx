import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  addToCollection,
  type Collection,
  createCollection,
  deleteCollection,
  moved,
  orderCollections,
  orderCollectionVideos,
  removeFromCollection,
  updateCollection,
  useCollectionMutation,
  useCollections,
  useEditorial,
} from '../../api/catalogue';
import { ErrorAlert, Notice, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialogs';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';
import { CuratedBadge } from './CatalogueSection';
import { EditorialNav } from './EditorialNav';

type Done = (message: string) => void;

function NewCollection({ onDone }: { onDone: Done }) {
  const { t } = useTranslation();
  const form = useForm(['title', 'description'] as const);
  const create = useCollectionMutation(createCollection);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (create.isPending) return;
    const el = e.currentTarget;
    const d = new FormData(el);
    const title = String(d.get('title') ?? '').trim();
    const description = String(d.get('description') ?? '').trim();
    if (form.invalid({ title: title ? undefined : t('collections.titleMissing') })) return;
    create.mutate(
      { title, description },
      {
        onSuccess: () => {
          el.reset();
          form.reset();
          onDone(t('collections.created', { title }));
        },
        onError: (err) => form.failed(err),
      },
    );
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="card">
      <h2>{t('collections.new')}</h2>
      <ErrorAlert message={form.summary} />
      <TextField label={t('collections.titleLabel')} name="title" maxLength={200} error={form.errors.title} />
      <TextAreaField
        label={t('collections.description')}
        name="description"
        optional
        rows={2}
        maxLength={2000}
        error={form.errors.description}
      />
      <Button type="submit" busy={create.isPending}>
        {t('collections.create')}
      </Button>
    </form>
  );
}

function EditCollection({ c, onDone }: { c: Collection; onDone: Done }) {
  const { t } = useTranslation();
  const save = useCollectionMutation((b: { title: string; description: string }) =>
    updateCollection(c.id, b),
  );
  return (
    <FormDialog
      triggerLabel={t('collections.edit')}
      triggerContext={c.title}
      title={t('collections.editTitle', { title: c.title })}
      submitLabel={t('common.save')}
      fields={['title', 'description'] as const}
      validate={(d) => ({
        title: String(d.get('title') ?? '').trim() ? undefined : t('collections.titleMissing'),
      })}
      onSubmit={async (d) => {
        const title = String(d.get('title') ?? '').trim();
        await save.mutateAsync({ title, description: String(d.get('description') ?? '').trim() });
        onDone(t('collections.saved', { title }));
      }}
    >
      {(errors) => (
        <>
          <TextField
            label={t('collections.titleLabel')}
            name="title"
            maxLength={200}
            defaultValue={c.title}
            error={errors.title}
          />
          <TextAreaField
            label={t('collections.description')}
            name="description"
            optional
            rows={3}
            maxLength={2000}
            defaultValue={c.description}
            error={errors.description}
          />
        </>
      )}
    </FormDialog>
  );
}

function AddVideo({ c, onDone }: { c: Collection; onDone: Done }) {
  const { t } = useTranslation();
  const published = useEditorial('published', 100);
  const [videoId, setVideoId] = useState('');
  const add = useCollectionMutation((id: string) => addToCollection(c.id, id));
  const inIt = new Set(c.videos.map((v) => v.id));
  const choices = (published.data?.pages.flatMap((p) => p.items) ?? []).filter((v) => !inIt.has(v.id));
  const title = choices.find((v) => v.id === videoId)?.title ?? '';
  return (
    <form
      noValidate
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!videoId || add.isPending) return;
        add.mutate(videoId, {
          onSuccess: () => {
            setVideoId('');
            onDone(t('collections.videoAdded', { title, collection: c.title }));
          },
        });
      }}
    >
      <div className="form-row">
        <SelectField
          label={t('collections.addVideoLabel', { title: c.title })}
          name="videoId"
          value={videoId}
          onChange={(e) => setVideoId(e.target.value)}
          aria-busy={published.isPending || undefined}
        >
          <option value="">{choices.length ? t('common.choose') : t('collections.noPublished')}</option>
          {choices.map((v) => (
            <option key={v.id} value={v.id}>
              {v.title}
            </option>
          ))}
        </SelectField>
      </div>
      <RequestError error={add.error} />
      <Button type="submit" variant="secondary" busy={add.isPending} disabled={!videoId}>
        {t('collections.addVideo')}
      </Button>
    </form>
  );
}

function CollectionCard({
  c,
  index,
  ids,
  onDone,
}: {
  c: Collection;
  index: number;
  ids: string[];
  onDone: Done;
}) {
  const { t } = useTranslation();
  const order = useCollectionMutation(orderCollections);
  const orderVideos = useCollectionMutation((videoIds: string[]) => orderCollectionVideos(c.id, videoIds));
  const remove = useCollectionMutation((videoId: string) => removeFromCollection(c.id, videoId));
  const del = useCollectionMutation(() => deleteCollection(c.id));
  const videoIds = c.videos.map((v) => v.id);
  const headingId = `collection-${c.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId} className="break">
          {index + 1}. {c.title}
        </h2>
        <div className="button-row">
          <Button
            variant="secondary"
            disabled={index === 0}
            busy={order.isPending}
            onClick={() =>
              order.mutate(moved(ids, index, -1), {
                onSuccess: () => onDone(t('collections.movedUp', { title: c.title })),
              })
            }
          >
            {t('collections.up')}
            <span className="sr-only"> {c.title}</span>
          </Button>
          <Button
            variant="secondary"
            disabled={index === ids.length - 1}
            busy={order.isPending}
            onClick={() =>
              order.mutate(moved(ids, index, 1), {
                onSuccess: () => onDone(t('collections.movedDown', { title: c.title })),
              })
            }
          >
            {t('collections.down')}
            <span className="sr-only"> {c.title}</span>
          </Button>
          <EditCollection c={c} onDone={onDone} />
          <ConfirmDialog
            triggerLabel={t('collections.delete')}
            triggerContext={c.title}
            title={t('collections.deleteTitle', { title: c.title })}
            confirmLabel={t('collections.delete')}
            onConfirm={async () => {
              await del.mutateAsync(undefined);
              onDone(t('collections.deleted', { title: c.title }));
            }}
          >
            <p>{t('collections.deleteText')}</p>
          </ConfirmDialog>
        </div>
      </div>
      {c.description && <p className="break">{c.description}</p>}
      <RequestError error={order.error ?? orderVideos.error ?? remove.error} />
      {c.videos.length ? (
        <ol className="collection-videos">
          {c.videos.map((v, i) => (
            <li key={v.id}>
              <span className="break">
                <Link to={`/videoer/${v.id}`}>{v.title}</Link>{' '}
                {v.catalogue.curated ? (
                  <CuratedBadge />
                ) : (
                  <span className="badge">{t('collections.notPublished')}</span>
                )}
              </span>
              <span className="button-row">
                <Button
                  variant="secondary"
                  disabled={i === 0}
                  onClick={() => orderVideos.mutate(moved(videoIds, i, -1))}
                >
                  {t('collections.up')}
                  <span className="sr-only"> {v.title}</span>
                </Button>
                <Button
                  variant="secondary"
                  disabled={i === videoIds.length - 1}
                  onClick={() => orderVideos.mutate(moved(videoIds, i, 1))}
                >
                  {t('collections.down')}
                  <span className="sr-only"> {v.title}</span>
                </Button>
                <Button
                  variant="danger"
                  busy={remove.isPending && remove.variables === v.id}
                  onClick={() =>
                    remove.mutate(v.id, {
                      onSuccess: () =>
                        onDone(t('collections.videoRemoved', { title: v.title, collection: c.title })),
                    })
                  }
                >
                  {t('collections.remove')}
                  <span className="sr-only"> {v.title}</span>
                </Button>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('collections.emptyCollection')}</p>
      )}
      <AddVideo c={c} onDone={onDone} />
    </section>
  );
}

/** /redaktion/samlinger: the curated collections shown on the home page. */
export function CollectionsPage() {
  const { t } = useTranslation();
  const list = useCollections(true);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('collections.title'));
  return (
    <div className="page">
      <h1>{t('collections.title')}</h1>
      <EditorialNav />
      <p className="lead">{t('collections.intro')}</p>
      <Notice message={notice} />
      <div className="stack-gap">
        <QueryView query={list} empty={list.data?.items.length === 0 && t('collections.empty')}>
          {(data) => (
            <>
              {data.items.map((c, i) => (
                <CollectionCard
                  key={c.id}
                  c={c}
                  index={i}
                  ids={data.items.map((x) => x.id)}
                  onDone={setNotice}
                />
              ))}
            </>
          )}
        </QueryView>
        <NewCollection onDone={setNotice} />
      </div>
    </div>
  );
}
