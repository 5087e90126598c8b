import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entryFields } from '../../../domain/assessments/values.ts';
import { ApiError } from '../../api/client.ts';
import { invalidateAfterAssessmentChange, saveAssessment, transitionAssessment, type AssessmentKey } from '../../api/queries.ts';
import type { AssessmentBody, TransitionAction } from '../../api/types.ts';
import { useErrorMessage } from '../../components/ApiErrorView.tsx';
import { changesOf, countChanges, draftFrom, problemsOf, type Draft } from './draft.ts';
import { findConflicts, mergeDrafts, type Choice, type Conflict } from './merge.ts';
import type { EntryData } from './useEntryData.ts';

export interface Merging {
  current: AssessmentBody;
  conflicts: Conflict[];
  choices: Record<string, Choice>;
}

/**
 * The entry screen's state: the draft over the stored values it started from (`base`), saving it with the version
 * it was based on, the merge after a conflict, and the workflow actions.
 */
export function useEntryForm(key: AssessmentKey, data: EntryData) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const client = useQueryClient();
  const fields = useMemo(() => entryFields(data.set), [data.set]);
  const [base, setBase] = useState<AssessmentBody>(data.body);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(fields, data.body));
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({});
  const [merging, setMerging] = useState<Merging | null>(null);
  const [busy, setBusy] = useState(false);
  const changes = useMemo(() => changesOf(fields, draft, base), [fields, draft, base]);
  const problems = useMemo(() => ({ ...serverProblems, ...problemsOf(fields, draft) }), [fields, draft, serverProblems]);
  const dirty = countChanges(changes) > 0;

  const reload = async (): Promise<void> => {
    await invalidateAfterAssessmentChange(client, key);
    const fresh = (await data.refetch()) as { data?: AssessmentBody };
    if (fresh.data) {
      setBase(fresh.data);
      setDraft(draftFrom(fields, fresh.data));
    }
  };

  /** Another write of this screen moved the version on (evidence added or removed): take it, keep what is typed. */
  const refreshBase = async (): Promise<void> => {
    await invalidateAfterAssessmentChange(client, key);
    const fresh = (await data.refetch()) as { data?: AssessmentBody };
    if (fresh.data) setBase(fresh.data);
  };

  const failed = (e: unknown, on: AssessmentBody, d: Draft): void => {
    if (!(e instanceof ApiError)) throw e;
    const current = e.details.current as AssessmentBody | undefined;
    if (e.code === 'CONFLICT' && current) {
      setMerging({ current, conflicts: findConflicts(fields, on, d, current), choices: {} });
      return;
    }
    if (e.code === 'VALIDATION' && Array.isArray(e.details.problems)) {
      const list = e.details.problems as { code?: string; message: string }[];
      setServerProblems(Object.fromEntries(list.filter((p) => p.code).map((p) => [p.code!, p.message])));
    }
    void message.error(errorText(e));
    if (e.code === 'LOCKED') void reload();
  };

  const saveOn = async (on: AssessmentBody, d: Draft): Promise<void> => {
    setBusy(true);
    setServerProblems({});
    try {
      await saveAssessment(key, { version: on.version, ...changesOf(fields, d, on) });
      setMerging(null);
      void message.success(t('entry.saved'));
      await reload();
    } catch (e) {
      failed(e, on, d);
    } finally {
      setBusy(false);
    }
  };

  const save = () => saveOn(base, draft);

  /** Saves the merged draft on the version the conflict reported. */
  const confirmMerge = async (): Promise<void> => {
    if (!merging) return;
    const merged = mergeDrafts(fields, base, draft, merging.current, merging.choices);
    setBase(merging.current);
    setDraft(merged);
    await saveOn(merging.current, merged);
  };

  const act = async (action: TransitionAction, reason?: string): Promise<boolean> => {
    setBusy(true);
    try {
      await transitionAssessment(key, { action, version: base.version, ...(reason ? { reason } : {}) });
      void message.success(t(`entry.done.${action}`));
      await reload();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      void message.error(errorText(e));
      if (e.status === 409) await reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { fields, base, draft, setDraft, problems, dirty, changes, busy, merging, setMerging, save, confirmMerge, act, refreshBase };
}
