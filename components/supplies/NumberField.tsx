// A labelled whole-number field of the supplies' forms (days, a coefficient, a box multiple): what
// is typed is kept within its bounds; a field left empty or not a number keeps the last value.
import type { FigureName } from '../../utils/figures';
import type { MessageKey } from '../../utils/i18n';
import { t } from '../../utils/i18n';

export const clampWhole = (text: string, min: number, max: number, fallback: number) => {
  const n = Math.round(Number(text));
  return text.trim() !== '' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

export function NumberField(props: {
  label: MessageKey;
  name: FigureName;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  const { label, name, min, max, value, onChange } = props;
  return (
    <label>
      {t(label)}{' '}
      <input
        type="number"
        min={min}
        max={max}
        data-lupa={name}
        value={value}
        onChange={(e) => onChange(clampWhole(e.target.value, min, max, value))}
      />
    </label>
  );
}
