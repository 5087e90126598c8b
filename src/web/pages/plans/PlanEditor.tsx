import { DeleteOutlined, PlusOutlined, SplitCellsOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, ApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../components/ApiErrorView.tsx';
import { DateField } from '../../components/DateField.tsx';
import '../../components/asof.css';
import { todayVn } from '../../format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  invalidateAfterPlanChange,
  KINDS,
  planKeys,
  TIERS,
  type PlanBody,
  type PlanDocument,
  type SavedPlan,
  type Target,
  type TargetKind,
} from './queries.ts';

/** A target as the form holds it: every kind's fields, the ones of its kind filled. */
type TargetValues = Partial<Record<string, unknown>> & { kind: TargetKind; key: string };
interface Values {
  number: string;
  date: string;
  issuer: string;
  title: string;
  scope: string;
  period: { from: number; to: number };
  implements?: string | null;
  source?: string | null;
  note?: string;
  targets: TargetValues[];
}

const TOP_FIELDS = ['number', 'date', 'issuer', 'title', 'scope', 'implements', 'source', 'note'] as const;
const PERIOD_FIELDS = ['from', 'to'] as const;
type EditorKey = keyof Messages['plans']['editor'];
type Level = keyof Messages['plans']['levelLabel'];
/** The fields each kind shows besides the common ones (key, sentence, deadline, counts). */
const KIND_FIELDS: Record<TargetKind, readonly EditorKey[]> = {
  'units-reach-tier': ['scope', 'level', 'tier', 'count'],
  'unit-reaches-tier': ['unit', 'tier'],
  'share-reaches-tier': ['scope', 'level', 'tier', 'percent'],
  'min-criteria': ['scope', 'minCriteria'],
  'indicator-factor': ['scope', 'family', 'indicator', 'factor', 'baselineYear', 'baselineValue', 'baselineSource'],
};
const TARGET_FIELDS = new Set<string>(['key', 'sentence', 'deadline', 'counts', 'parentKey', 'note', ...Object.values(KIND_FIELDS).flat()]);
const LEVELS: Partial<Record<TargetKind, readonly Level[]>> = { 'units-reach-tier': ['commune', 'district'], 'share-reaches-tier': ['hamlet', 'commune'] };

/**
 * The form path of a field the server names: `targets[2].deadline` (the plan's rules) or `plan.targets.2.deadline`
 * (the request's schema) → ['targets', 2, 'deadline']; null when the form has no such field.
 */
export function fieldPath(field: string): (string | number)[] | null {
  const parts = field
    .replace(/^plan\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const [a, b, c] = parts;
  if (parts.length === 1 && (TOP_FIELDS as readonly unknown[]).includes(a)) return parts;
  if (parts.length === 2 && a === 'period' && (PERIOD_FIELDS as readonly unknown[]).includes(b)) return parts;
  if (parts.length === 3 && a === 'targets' && typeof b === 'number' && typeof c === 'string' && TARGET_FIELDS.has(c)) return parts;
  return null;
}

function toValues(doc: PlanDocument): Values {
  return {
    number: doc.number,
    date: doc.date,
    issuer: doc.issuer,
    title: doc.title,
    scope: doc.scope,
    period: { ...doc.period },
    implements: doc.implements ?? null,
    source: doc.source ?? null,
    targets: doc.targets.map((t) => ({ ...t })),
  };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The target the API expects from the form's values: the common fields and those of its kind, the rest dropped. */
function toTarget(v: TargetValues): Target {
  const out: Record<string, unknown> = { key: text(v.key) ?? '', kind: v.kind, sentence: text(v.sentence) ?? '', deadline: v.deadline ?? '', counts: v.counts };
  if (text(v.parentKey)) out.parentKey = text(v.parentKey);
  if (text(v.note)) out.note = text(v.note);
  if (text(v.unitsAsOf)) out.unitsAsOf = v.unitsAsOf;
  if (Array.isArray(v.unitTypes)) out.unitTypes = v.unitTypes;
  for (const f of KIND_FIELDS[v.kind]) {
    const value = v[f];
    if (f === 'baselineValue') out[f] = num(value);
    else if (f === 'baselineSource') out[f] = text(value);
    else if (typeof value === 'string') out[f] = value.trim();
    else if (value !== undefined && value !== null) out[f] = value;
  }
  if (v.kind === 'min-criteria' || v.kind === 'indicator-factor') out.level = 'commune';
  if (v.kind === 'indicator-factor' && v.baselineSample) out.baselineSample = true;
  return out as Target;
}

function toDocument(v: Values, base: PlanDocument | undefined): PlanDocument {
  return {
    number: v.number.trim(),
    date: v.date,
    issuer: v.issuer.trim(),
    title: v.title.trim(),
    scope: v.scope.trim(),
    period: { from: v.period.from, to: v.period.to },
    implements: text(v.implements),
    source: text(v.source),
    ...(base?.sample ? { sample: true } : {}),
    targets: (v.targets ?? []).map(toTarget),
  };
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** The plan to edit; absent: a new plan. */
  plan?: PlanBody | undefined;
}

/**
 * Creates a plan or edits one (all its targets at once), sending the version read. Nothing is checked here that
 * the server checks: its Vietnamese message goes under the field it names; a newer version saved by someone else
 * is offered to reload.
 */
export function PlanEditor({ open, onClose, plan }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const toMessage = useErrorMessage();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState(plan?.version);
  const [base, setBase] = useState(plan?.document);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<PlanBody | null>(null);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      plan
        ? apiFetch<SavedPlan>(`/api/plans/${plan.id}`, { method: 'PUT', body: JSON.stringify(body) })
        : apiFetch<SavedPlan>('/api/plans', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: () => invalidateAfterPlanChange(client),
  });
  const submit = async () => {
    setError(null);
    setConflict(null);
    const v = form.getFieldsValue(true) as Values;
    const note = text(v.note);
    const doc = toDocument(v, base);
    try {
      const saved = await save.mutateAsync({ ...(plan ? { version } : {}), plan: doc, ...(note ? { note } : {}) });
      void message.success(t('plans.editor.saved', { number: doc.number }));
      onClose();
      if (!plan) void navigate({ to: '/ke-hoach/$id', params: { id: String(saved.id) } });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('NETWORK', '', 0);
      const current = err.code === 'CONFLICT' ? (err.details.current as PlanBody | undefined) : undefined;
      if (current) {
        setConflict(current);
        return;
      }
      const path = typeof err.details.field === 'string' ? fieldPath(err.details.field) : null;
      if (path) {
        form.setFields([{ name: path, errors: [toMessage(err)] }]);
        form.scrollToField(path, { block: 'center' });
      } else setError(toMessage(err));
    }
  };
  const reload = () => {
    if (!conflict) return;
    client.setQueryData(planKeys.plan(conflict.id), conflict);
    void invalidateAfterPlanChange(client);
    form.resetFields();
    form.setFieldsValue(toValues(conflict.document));
    setVersion(conflict.version);
    setBase(conflict.document);
    setConflict(null);
  };
  const year = Number(todayVn().slice(0, 4));
  const initial: Values = plan
    ? toValues(plan.document)
    : { number: '', date: todayVn(), issuer: '', title: '', scope: '', period: { from: year, to: year + 4 }, implements: null, source: null, targets: [] };
  const required = (label: string) => [{ required: true, whitespace: true, message: t('plans.editor.required', { field: label.toLocaleLowerCase('vi') }) }];
  return (
    <Modal
      open={open}
      title={plan ? t('plans.editor.editTitle', { number: plan.number }) : t('plans.editor.createTitle')}
      okText={t('plans.editor.save')}
      okButtonProps={{ 'data-testid': 'save-plan' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={960}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name={plan ? `edit-plan-${plan.id}` : 'create-plan'}
        layout="vertical"
        requiredMark="optional"
        disabled={save.isPending}
        initialValues={initial}
        onFinish={() => void submit()}
        scrollToFirstError
      >
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('plans.editor.conflict', { version: conflict.version })}
            action={
              <Button size="small" onClick={reload} data-testid="reload-plan">
                {t('plans.editor.reload')}
              </Button>
            }
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <div className="cs-plan-editor-row">
          <Form.Item label={t('plans.number')} name="number" rules={required(t('plans.number'))}>
            <Input autoComplete="off" placeholder="123/KH-UBND" />
          </Form.Item>
          <Form.Item label={t('plans.date')} name="date" rules={required(t('plans.date'))}>
            <FormDate />
          </Form.Item>
          <Form.Item
            label={t('plans.editor.periodFrom')}
            name={['period', 'from']}
            rules={[{ required: true, message: t('plans.editor.required', { field: t('plans.editor.periodFrom').toLocaleLowerCase('vi') }) }]}
          >
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t('plans.editor.periodTo')}
            name={['period', 'to']}
            rules={[{ required: true, message: t('plans.editor.required', { field: t('plans.editor.periodTo').toLocaleLowerCase('vi') }) }]}
          >
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item label={t('plans.planTitle')} name="title" rules={required(t('plans.planTitle'))}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <div className="cs-plan-editor-row">
          <Form.Item label={t('plans.issuer')} name="issuer" rules={required(t('plans.issuer'))}>
            <Input autoComplete="off" placeholder="UBND tỉnh Cao Bằng" />
          </Form.Item>
          <Form.Item label={t('plans.editor.scopeCode')} name="scope" extra={t('plans.editor.scopeHint')} rules={required(t('plans.editor.scopeCode'))}>
            <Input autoComplete="off" inputMode="numeric" spellCheck={false} />
          </Form.Item>
          <Form.Item label={t('plans.editor.implementsNumber')} name="implements">
            <Input autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item label={t('plans.editor.source')} name="source">
          <Input.TextArea rows={2} />
        </Form.Item>
        <h3 className="cs-section-title">{t('plans.editor.targets')}</h3>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <TargetFields
                  key={field.key}
                  form={form}
                  index={i}
                  onRemove={() => remove(i)}
                  onCascade={(child) => add(child, i + 1 + countChildren(form, i))}
                />
              ))}
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() =>
                  add({
                    kind: 'units-reach-tier',
                    key: '',
                    sentence: '',
                    deadline: `${Number(form.getFieldValue(['period', 'to'])) || year + 4}-12-31`,
                    counts: 'recognition',
                    level: 'commune',
                    tier: 'ntm',
                    count: 1,
                  } satisfies TargetValues)
                }
                data-testid="add-target"
                style={{ marginBottom: 16 }}
              >
                {t('plans.editor.addTarget')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item label={t('plans.editor.note')} name="note">
          <Input autoComplete="off" />
        </Form.Item>
        {error ? <Alert type="error" showIcon role="alert" title={t('plans.editor.failed')} description={error} /> : null}
      </Form>
    </Modal>
  );
}

/** A dd/mm/yyyy date field inside the form (Form.Item gives it id, value and onChange). */
function FormDate({ id, value, onChange }: { id?: string; value?: string; onChange?: (iso: string) => void }) {
  return <DateField id={id ?? ''} value={value || todayVn()} onChange={(v) => onChange?.(v)} />;
}

/** How many targets right after the i-th are its shares (a new share goes after them). */
function countChildren(form: FormInstance<Values>, i: number): number {
  const all = (form.getFieldValue('targets') ?? []) as TargetValues[];
  const key = all[i]?.key;
  let n = 0;
  while (key && all[i + 1 + n]?.parentKey === key) n++;
  return n;
}

function TargetFields({
  form,
  index,
  onRemove,
  onCascade,
}: {
  form: FormInstance<Values>;
  index: number;
  onRemove: () => void;
  onCascade: (child: TargetValues) => void;
}) {
  const { t } = useTranslation();
  const kind = Form.useWatch(['targets', index, 'kind'], form) ?? 'units-reach-tier';
  const parentKey = Form.useWatch(['targets', index, 'parentKey'], { form, preserve: true }) as string | null | undefined;
  const n = index + 1;
  const name = (f: string) => [index, f];
  const label = (k: EditorKey): string => t(`plans.editor.${k}`);
  const missing = (text: string) =>
    t('plans.editor.required', { field: `${text.toLocaleLowerCase('vi')} (${t('plans.editor.target', { n }).toLocaleLowerCase('vi')})` });
  const required = (k: EditorKey | null, text = k ? label(k) : '') => [{ required: true, whitespace: true, message: missing(text) }];
  const numberRule = (k: EditorKey) => [{ required: true, message: missing(label(k)) }];
  const fields = KIND_FIELDS[kind];
  const cascade = () => {
    const parent = form.getFieldValue(['targets', index]) as TargetValues;
    const siblings = ((form.getFieldValue('targets') ?? []) as TargetValues[]).filter((x) => x.parentKey === parent.key).length;
    onCascade({
      kind: 'units-reach-tier',
      key: `${parent.key}-${siblings + 1}`,
      parentKey: parent.key,
      sentence: parent.sentence,
      deadline: parent.deadline,
      counts: parent.counts,
      level: parent.level,
      tier: parent.tier,
      scope: '',
      count: 1,
    });
  };
  return (
    <fieldset className={`cs-plan-editor-target${parentKey ? ' cs-plan-editor-child' : ''}`} data-testid={`target-${index}`}>
      <legend>
        {t('plans.editor.target', { n })}
        {parentKey ? ` — ${t('plans.editor.childOf', { key: parentKey })}` : null}
      </legend>
      <div className="cs-plan-editor-row">
        <Form.Item label={t('plans.kind')} name={name('kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`plans.kindLabel.${k}`) }))} disabled={Boolean(parentKey)} />
        </Form.Item>
        <Form.Item label={label('key')} name={name('key')} extra={t('plans.editor.keyHint')} rules={required('key')}>
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item label={t('plans.deadline')} name={name('deadline')} rules={required(null, t('plans.deadline'))}>
          <FormDate />
        </Form.Item>
        <Form.Item label={label('counts')} name={name('counts')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'recognition', label: t('plans.countsFrom.recognition') },
              { value: 'evaluation', label: t('plans.countsFrom.evaluation') },
            ]}
          />
        </Form.Item>
      </div>
      <Form.Item label={label('sentence')} name={name('sentence')} rules={required('sentence')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {parentKey ? (
        <Form.Item label={label('parentKey')} name={name('parentKey')}>
          <Input readOnly />
        </Form.Item>
      ) : null}
      <div className="cs-plan-editor-row">
        {fields.includes('unit') ? (
          <Form.Item label={label('unit')} name={name('unit')} rules={required('unit')}>
            <Input autoComplete="off" inputMode="numeric" spellCheck={false} />
          </Form.Item>
        ) : null}
        {fields.includes('scope') ? (
          <Form.Item label={label('scope')} name={name('scope')} rules={required('scope')}>
            <Input autoComplete="off" inputMode="numeric" spellCheck={false} />
          </Form.Item>
        ) : null}
        {fields.includes('level') ? (
          <Form.Item label={label('level')} name={name('level')} rules={[{ required: true }]}>
            <Select
              options={(LEVELS[kind] ?? (['commune'] as const)).map((l) => ({ value: l, label: t(`plans.levelLabel.${l}`) }))}
              disabled={Boolean(parentKey)}
            />
          </Form.Item>
        ) : null}
        {fields.includes('tier') ? (
          <Form.Item label={label('tier')} name={name('tier')} rules={[{ required: true }]}>
            <Select options={TIERS.map((k) => ({ value: k, label: t(`recognition.tierLabel.${k}`) }))} disabled={Boolean(parentKey)} />
          </Form.Item>
        ) : null}
        {(['count', 'percent', 'minCriteria', 'factor', 'baselineYear'] as const)
          .filter((f) => fields.includes(f))
          .map((f) => (
            <Form.Item key={f} label={label(f)} name={name(f)} rules={numberRule(f)}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          ))}
        {fields.includes('family') ? (
          <Form.Item label={label('family')} name={name('family')} rules={required('family')}>
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
        ) : null}
        {fields.includes('indicator') ? (
          <Form.Item label={label('indicator')} name={name('indicator')} rules={required('indicator')}>
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
        ) : null}
        {fields.includes('baselineValue') ? (
          <Form.Item label={label('baselineValue')} name={name('baselineValue')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </div>
      {fields.includes('baselineSource') ? (
        <Form.Item label={label('baselineSource')} name={name('baselineSource')}>
          <Input autoComplete="off" />
        </Form.Item>
      ) : null}
      <Form.Item label={label('targetNote')} name={name('note')}>
        <Input autoComplete="off" />
      </Form.Item>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        {kind === 'units-reach-tier' && !parentKey ? (
          <Button icon={<SplitCellsOutlined aria-hidden />} onClick={cascade} title={t('plans.editor.cascadeHint')} data-testid="cascade">
            {t('plans.editor.cascade')}
          </Button>
        ) : null}
        <Button icon={<DeleteOutlined aria-hidden />} onClick={onRemove}>
          {t('plans.editor.removeTarget', { n })}
        </Button>
      </div>
    </fieldset>
  );
}
