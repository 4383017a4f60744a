// The reply-template library: edit, add, delete, reset to the shipped defaults. Each template says
// which reviews it suits — the stars and the topics, the seller's to choose (a thank-you added with
// «Добавить» is for 4–5★, not for every review) — and is checked as it is typed: the tone check for
// the lowest stars it is meant for, variables Lupa cannot fill, and a preview filled as a buyer
// would read it.
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { LupaDb } from '../../utils/db';
import { type MessageKey, t } from '../../utils/i18n';
import { quotaGuard } from '../../utils/quota';
import { renderTemplate, TEMPLATE_VARIABLES, unknownVariables } from '../../utils/reply-assistant/render';
import type { Topic } from '../../utils/reply-assistant/suggest';
import { getTemplates, resetTemplates, saveTemplates, type Template } from '../../utils/reply-assistant/templates';
import { checkTone, type ToneIssue, toneIssueParts } from '../../utils/reply-assistant/tone';
import type { OptionsPartProps } from '../parts';
import { saveProblem } from '../save-problem';

const STARS = [1, 2, 3, 4, 5] as const;
const TOPICS: ReadonlyArray<[Topic, MessageKey]> = [
  ['defect', 'topicDefect'],
  ['size', 'topicSize'],
  ['delivery', 'topicDelivery'],
  ['description', 'topicDescription'],
  ['composition', 'topicComposition'],
  ['return', 'topicReturn'],
];
/** What the preview fills the variables with. */
const SAMPLE = { buyer: 'Анна', product: 'футболка оверсайз', article: '146972802', brand: 'URBAN TIGER' };

/** A tone warning with its phrase marked (as text). */
export function ToneWarning({ issue }: { issue: ToneIssue }) {
  const [before, phrase, after] = toneIssueParts(issue);
  return (
    <p className="lupa-note" data-lupa="tone-warning" data-value={issue.kind} data-phrase={'phrase' in issue ? issue.phrase : ''}>
      {before}
      {phrase ? <mark>{phrase}</mark> : null}
      {after}
    </p>
  );
}

/**
 * A template serves both cabinets: checked as an Ozon reply (the shorter limit), plus what is a rule
 * risk only in a WB one (Ozon's own name).
 */
function bothCabinets(text: string, stars: number | null): ToneIssue[] {
  const ozon = checkTone(text, 'ozon', stars);
  const at = new Set(ozon.map((i) => ('start' in i ? `${i.kind}:${i.start}` : i.kind)));
  const wbOnly = checkTone(text, 'wb', stars).filter((i) => i.kind === 'rule-risk' && !at.has(`${i.kind}:${i.start}`));
  // In the order the phrases stand; what names no phrase (no way out, length) after them.
  const place = (i: ToneIssue) => ('start' in i && i.kind !== 'no-way-out' ? i.start : Number.MAX_SAFE_INTEGER);
  return [...ozon, ...wbOnly].sort((a, b) => place(a) - place(b));
}

const toggled = <T,>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] =>
  order.filter((x) => (x === item ? on : list.includes(x)));

function TemplateEditor({
  tpl,
  onChange,
  onDelete,
}: {
  tpl: Template;
  onChange: (patch: Partial<Template>) => void;
  onDelete: () => void;
}) {
  // The worst case a template is meant for: its lowest star rating (any stars: judged as a 5★ answer).
  const stars = tpl.kind === 'question' ? null : Math.min(...(tpl.stars.length ? tpl.stars : [5]));
  const issues = tpl.text.trim() ? bothCabinets(tpl.text, stars) : [];
  const unknown = unknownVariables(tpl.text);
  return (
    <div className="lupa-template" data-lupa="template" data-id={tpl.id}>
      <input value={tpl.title} maxLength={80} data-lupa="template-title" onChange={(e) => onChange({ title: e.target.value })} />
      <button type="button" className="lupa-link lupa-template-delete" onClick={onDelete}>
        {t('tplDelete')}
      </button>
      {tpl.kind === 'question' ? (
        <span className="lupa-muted lupa-template-for">{t('tplQuestion')}</span>
      ) : (
        <fieldset className="lupa-template-for" data-lupa="template-stars" data-value={tpl.stars.join(',')}>
          <legend>{t('tplStars')}</legend>
          {STARS.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                data-star={s}
                checked={tpl.stars.includes(s)}
                onChange={(e) => onChange({ stars: toggled(tpl.stars, s, e.target.checked, STARS) })}
              />
              {s}★
            </label>
          ))}
          {tpl.stars.length === 0 ? <span className="lupa-muted">{t('tplAnyStars')}</span> : null}
        </fieldset>
      )}
      <fieldset className="lupa-template-for" data-lupa="template-topics" data-value={tpl.topics.join(',')}>
        <legend>{t('tplTopics')}</legend>
        {TOPICS.map(([topic, label]) => (
          <label key={topic}>
            <input
              type="checkbox"
              data-topic={topic}
              checked={tpl.topics.includes(topic)}
              onChange={(e) =>
                onChange({
                  topics: toggled(
                    tpl.topics,
                    topic,
                    e.target.checked,
                    TOPICS.map(([x]) => x),
                  ),
                })
              }
            />
            {t(label)}
          </label>
        ))}
        {tpl.topics.length === 0 ? <span className="lupa-muted">{t('tplAnyTopic')}</span> : null}
      </fieldset>
      <textarea value={tpl.text} rows={3} maxLength={5000} data-lupa="template-text" onChange={(e) => onChange({ text: e.target.value })} />
      {unknown.map((name) => (
        <p key={name} className="lupa-note" data-lupa="template-variable" data-value={name}>
          {t('tplUnknownVariable', `{${name}}`, TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(', '))}
        </p>
      ))}
      {issues.map((issue) => (
        // A phrase is found once per kind where it starts.
        <ToneWarning key={`${issue.kind}:${'start' in issue ? issue.start : ''}`} issue={issue} />
      ))}
      {tpl.text.trim() ? (
        <p className="lupa-muted lupa-template-preview" data-lupa="template-preview">
          {t('tplPreview')} {renderTemplate(tpl.text, SAMPLE)}
        </p>
      ) : null}
    </div>
  );
}

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
      {list.map((tpl, i) => (
        <TemplateEditor
          key={tpl.id}
          tpl={tpl}
          onChange={(patch) => update(i, patch)}
          onDelete={() => setList(list.filter((_, j) => j !== i))}
        />
      ))}
      <p className="lupa-row">
        <button
          type="button"
          data-lupa="template-add"
          onClick={() =>
            setList([
              ...list,
              // A seller's own template is most often a thank-you: for 4–5★ until they choose otherwise.
              { id: `own-${Date.now().toString(36)}`, title: t('tplNew'), kind: 'review', stars: [4, 5], topics: [], text: '' },
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

/** The options page's section (loaded as a chunk of its own: options.tsx). */
export function TemplatesSection({ db, say, fail }: OptionsPartProps) {
  return <Templates db={db} onSaved={say} onFailed={fail} />;
}
