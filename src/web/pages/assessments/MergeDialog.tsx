import { Button, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntryField } from '../../../domain/assessments/values.ts';
import type { Choice, Conflict } from './merge.ts';

interface Props {
  open: boolean;
  conflicts: readonly Conflict[];
  fields: ReadonlyMap<string, EntryField>;
  /** Who saved meanwhile (the last writer of the current version), when known. */
  by: string | null;
  choices: Readonly<Record<string, Choice>>;
  busy: boolean;
  onChoose: (next: Record<string, Choice>) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Someone saved the assessment after this screen loaded it: each field both changed differently is listed with
 * both values, and the officer keeps theirs or mine, field by field or all at once, before saving again.
 */
export function MergeDialog({ open, conflicts, fields, by, choices, busy, onChoose, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const all = (c: Choice) => onChoose(Object.fromEntries(conflicts.map((x) => [x.key, c])));
  const shown = (x: Conflict, v: string) => {
    if (v === '') return t('entry.empty');
    const f = fields.get(x.code);
    if (x.part === 'value' && f && (f.entry === 'yes-no' || f.entry === 'status'))
      return v === 'true' ? t('entry.yes') : v === 'false' ? t('entry.no') : t(`status.${v}`, { defaultValue: v });
    return v;
  };
  return (
    <Modal
      open={open}
      width={720}
      title={t('entry.merge.title')}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={onConfirm} data-testid="merge-save">
          {t('entry.merge.save')}
        </Button>,
      ]}
    >
      <p>{t('entry.merge.intro', { user: by ?? t('entry.merge.someone') })}</p>
      {conflicts.length === 0 ? (
        <p data-testid="merge-none">{t('entry.merge.none')}</p>
      ) : (
        <>
          <div className="cs-entry-actions">
            <Button onClick={() => all('mine')}>{t('entry.merge.allMine')}</Button>
            <Button onClick={() => all('theirs')}>{t('entry.merge.allTheirs')}</Button>
          </div>
          <ul className="cs-merge-list" data-testid="merge-list">
            {conflicts.map((x) => {
              const f = fields.get(x.code);
              const labelId = `merge-${x.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
              return (
                <li key={x.key} className="cs-merge-item" data-testid={`merge-${x.key}`}>
                  <p id={labelId} className="cs-break" style={{ margin: 0 }}>
                    <span className="cs-ind-code">{x.code}</span> {f?.name ?? x.code}
                    {x.part === 'note' ? ` — ${t('entry.note')}` : ''}
                  </p>
                  <Radio.Group
                    aria-labelledby={labelId}
                    value={choices[x.key] ?? 'mine'}
                    onChange={(e) => onChoose({ ...choices, [x.key]: e.target.value as Choice })}
                    options={[
                      { value: 'mine', label: `${t('entry.merge.mine')}: ${shown(x, x.mine)}` },
                      { value: 'theirs', label: `${t('entry.merge.theirs')}: ${shown(x, x.theirs)}` },
                    ]}
                  />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Modal>
  );
}
