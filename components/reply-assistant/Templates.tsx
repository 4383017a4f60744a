// The reply-template library: edit, add, delete, reset to the shipped defaults. The tone check runs
// as the seller types, so a template that blames the buyer is caught before it is ever used.

import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { LupaDb } from '../../utils/db';
import { t } from '../../utils/i18n';
import { quotaGuard } from '../../utils/quota';
import { getTemplates, resetTemplates, saveTemplates, type Template } from '../../utils/reply-assistant/templates';
import { checkTone, describeToneIssue } from '../../utils/reply-assistant/tone';
import type { OptionsPart } from '../parts';
import { saveProblem } from '../save-problem';

/** Template saves go through the quota guard (utils/quota.ts): storage.local shares the disk. */
export function Templates({ db, onSaved, onFailed }: { db: LupaDb; onSaved: (text: string) => void; onFailed: (text: string) => void }) {
  const [list, setList] = useState<Template[] | null>(null);
  useEffect(() => {
    void getTemplates().then(setList);
  }, []);
  if (!list) return null;
  const update = (i: number, patch: Partial<Template>) => setList(list.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  return (
    <section data-lupa="templates">
      {list.map((tpl, i) => {
        // The worst case a template is meant for: its lowest star rating.
        const stars = tpl.kind === 'question' ? null : Math.min(...(tpl.stars.length ? tpl.stars : [5]));
        const issues = checkTone(tpl.text, 'wb', stars);
        return (
          <div key={tpl.id} className="lupa-template" data-lupa="template" data-id={tpl.id}>
            <input value={tpl.title} maxLength={80} data-lupa="template-title" onChange={(e) => update(i, { title: e.target.value })} />
            <span className="lupa-muted">
              {tpl.kind === 'question' ? t('tplQuestion') : `${tpl.stars.join(', ')}★`} {tpl.topics.join(', ')}
            </span>
            <textarea
              value={tpl.text}
              rows={3}
              maxLength={5000}
              data-lupa="template-text"
              onChange={(e) => update(i, { text: e.target.value })}
            />
            {issues.map((issue) => (
              <p
                key={`${issue.kind}:${'phrase' in issue ? issue.phrase : ''}`}
                className="lupa-note"
                data-lupa="tone-warning"
                data-value={issue.kind}
              >
                {describeToneIssue(issue)}
              </p>
            ))}
            <button type="button" className="lupa-link" onClick={() => setList(list.filter((_, j) => j !== i))}>
              {t('tplDelete')}
            </button>
          </div>
        );
      })}
      <p className="lupa-row">
        <button
          type="button"
          data-lupa="template-add"
          onClick={() =>
            setList([
              ...list,
              { id: `own-${Date.now().toString(36)}`, title: t('tplNew'), kind: 'review', stars: [1, 2, 3, 4, 5], topics: [], text: '' },
            ])
          }
        >
          {t('tplAdd')}
        </button>
        <button
          type="button"
          data-lupa="templates-save"
          onClick={() =>
            void quotaGuard({ db, onFreed: async () => onSaved(t('storageFreed')) })(() => saveTemplates(list.filter((x) => x.text.trim())))
              .then((saved) => {
                setList(saved);
                onSaved(t('tplSaved'));
              })
              // The list being edited stays as it is.
              .catch((error: unknown) => onFailed(error instanceof z.ZodError ? t('tplInvalid') : t(saveProblem(error))))
          }
        >
          {t('optSave')}
        </button>
        <button type="button" className="lupa-link" onClick={() => void resetTemplates().then(setList)}>
          {t('tplReset')}
        </button>
      </p>
    </section>
  );
}

export const replyAssistantOptions: OptionsPart = {
  name: 'reply-assistant',
  Section: ({ db, say, fail }) => (
    <>
      <h2>{t('optTemplates')}</h2>
      <Templates db={db} onSaved={say} onFailed={fail} />
    </>
  ),
};
