import { exportGrid } from '../../api/progression';
import { FormDialog } from '../../components/Dialogs';
import { TextAreaField } from '../../components/Field';
import type { WordsT } from '../../i18n/words';

/** Export of the per-child grid: only with a stated reason, which is written to the audit log. */
export function ExportDialog({ groupId, groupName, t }: { groupId: string; groupName: string; t: WordsT }) {
  return (
    <section aria-labelledby="prog-export" className="prog-export">
      <h2 id="prog-export">{t('progression.export.title')}</h2>
      <p>{t('progression.export.intro')}</p>
      <FormDialog
        triggerLabel={t('progression.export.button')}
        title={t('progression.export.dialogTitle', { group: groupName })}
        submitLabel={t('progression.export.submit')}
        fields={['reason'] as const}
        validate={(data) => ({
          reason:
            String(data.get('reason') ?? '').trim().length < 10
              ? t('progression.export.reasonShort')
              : undefined,
        })}
        onSubmit={async (data) => {
          const { blob, name } = await exportGrid(groupId, String(data.get('reason')).trim());
          const url = URL.createObjectURL(blob);
          const a = document.createElement('a');
          a.href = url;
          a.download = name;
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        }}
      >
        {(errors) => (
          <>
            <p>{t('progression.export.logged')}</p>
            <TextAreaField
              name="reason"
              label={t('progression.export.reason')}
              hint={t('progression.export.reasonHint')}
              rows={3}
              maxLength={500}
              error={errors.reason}
            />
          </>
        )}
      </FormDialog>
    </section>
  );
}
