import { CATEGORIES, LIMITS, normalizeLocation, splitLocations, type Category, type Request } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { FormButtons } from '../common/FormButtons';
import { OptionSelect } from '../common/OptionSelect';
import { usePerformForm } from '../common/use-perform-form';
import { Dialog } from '../common/Dialog';
import { RefusalNote } from '../common/RefusalNote';
import { Field } from '../common/Field';

export function EditDialog({ request, onClose }: { request: Request; onClose: (mutationId: string | null) => void }) {
  const { t } = useTranslation(['request', 'common']);
  const { busy, error, perform } = usePerformForm();
  const [category, setCategory] = useState<Category>(request.category);
  const [grounds, setGrounds] = useState(request.grounds);
  const [pharosRef, setPharosRef] = useState(request.pharosRef ?? '');
  const [campaignId, setCampaignId] = useState(request.campaignId ?? null);
  const [doNotInform, setDoNotInform] = useState(request.doNotInform);
  const [added, setAdded] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    if (grounds.trim() === '') return setFieldError(t('forms.required'));
    const patch: Record<string, unknown> = {};
    if (category !== request.category) patch.category = category;
    if (grounds.trim() !== request.grounds) patch.grounds = grounds.trim();
    if ((pharosRef.trim() || null) !== request.pharosRef) patch.pharosRef = pharosRef.trim() || null;
    if (campaignId !== (request.campaignId ?? null)) patch.campaignId = campaignId;
    if (doNotInform !== request.doNotInform) patch.doNotInform = doNotInform;
    const locations = splitLocations(added);
    if (locations.length > 0) {
      const seen = new Set(request.items.map((item) => item.normalized));
      for (const location of locations) {
        const key = normalizeLocation(location);
        if (seen.has(key)) return setFieldError(t('edit.duplicate', { location }));
        seen.add(key);
      }
      patch.addItems = locations;
    }
    if (Object.keys(patch).length === 0) return setFieldError(t('edit.nothing'));
    await perform('request.edit', { requestId: request.id, patch }, (queued) => onClose(queued.mutationId));
  };

  return (
    <Dialog title={`${t('edit.title')} — ${request.ref}`} onClose={() => onClose(null)} wide testId="dialog-edit">
      <form onSubmit={(event) => void submit(event)} noValidate className="kit-form-grid">
        <Field label={t('header.category')}>
          {({ id }) => (
            <OptionSelect
              id={id}
              values={CATEGORIES}
              value={category}
              label={(value) => t(`common:category.${value}`)}
              onChange={setCategory}
              data-testid="edit-category"
            />
          )}
        </Field>
        <Field label={t('header.pharosRef')}>
          {({ id }) => (
            <input id={id} value={pharosRef} maxLength={LIMITS.shortTextLength} onChange={(event) => setPharosRef(event.target.value)} />
          )}
        </Field>
        <Field label={t('header.campaign')}>
          {({ id }) => <CampaignSelect id={id} value={campaignId} onChange={setCampaignId} data-testid="edit-campaign" />}
        </Field>
        <label className="kit-check">
          <input type="checkbox" checked={doNotInform} onChange={(event) => setDoNotInform(event.target.checked)} data-testid="edit-dni" />{' '}
          {t('edit.doNotInform')}
        </label>
        <div className="kit-span-2">
          <Field label={t('header.grounds')} required>
            {({ id }) => <textarea id={id} rows={4} value={grounds} onChange={(event) => setGrounds(event.target.value)} />}
          </Field>
        </div>
        <div className="kit-span-2">
          <Field label={t('edit.addItems')}>
            {({ id }) => (
              <textarea id={id} rows={3} value={added} onChange={(event) => setAdded(event.target.value)} data-testid="edit-add-items" />
            )}
          </Field>
        </div>
        <div className="kit-span-2">
          {fieldError ? (
            <p className="kit-field-error" role="alert">
              {fieldError}
            </p>
          ) : null}
          <RefusalNote error={error} />
          <FormButtons busy={busy} onCancel={() => onClose(null)} testId="submit-edit" label={t('common:actions.confirm')} />
        </div>
      </form>
    </Dialog>
  );
}
