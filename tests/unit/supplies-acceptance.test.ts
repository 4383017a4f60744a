import { describe, expect, test } from 'vitest';
import { alertKey, isFree, readCoefficients, slotsFor } from '../../utils/supplies/acceptance';
import { dayOf } from '../../utils/supplies/plan';

const D = (iso: string) => dayOf(Date.parse(iso));
const row = (over: Record<string, unknown>) => ({
  date: '2026-12-03T00:00:00Z',
  coefficient: 0,
  warehouseID: 507,
  warehouseName: 'Коледино',
  allowUnload: true,
  boxTypeName: 'Короба',
  boxTypeID: 2,
  storageCoef: '100',
  deliveryCoef: '160',
  deliveryBaseLiter: '46',
  isSortingCenter: false,
  ...over,
});

describe('acceptance coefficients', () => {
  test('open, free, closed: -1 or allowUnload false is closed whatever the number', () => {
    const { slots, dropped } = readCoefficients([
      row({}),
      row({ coefficient: 3, warehouseID: 117501, warehouseName: 'Подольск' }),
      row({ coefficient: -1, warehouseID: 120762, warehouseName: 'Электросталь' }),
      row({ coefficient: 0, allowUnload: false, warehouseID: 206348, warehouseName: 'Тула' }),
    ]);
    expect(dropped).toBe(0);
    expect(slots.map((s) => [s.wh, s.open, isFree(s)])).toEqual([
      [507, true, true],
      [117501, true, false],
      [120762, false, false],
      [206348, false, false],
    ]);
  });

  test('odd rows are counted and left out; a body that is not a list is an error', () => {
    const { slots, dropped } = readCoefficients([
      row({}),
      row({ date: 'завтра' }),
      row({ coefficient: '0' }),
      null,
      row({ boxTypeID: undefined }),
    ]);
    expect(slots).toHaveLength(2);
    expect(slots[1]?.box).toBeNull();
    expect(dropped).toBe(3);
    expect(() => readCoefficients({ error: 'x' })).toThrow(TypeError);
  });

  test('a watch gets the open slots it waits for, cheapest then soonest; one alert key per warehouse, day and box', () => {
    const { slots } = readCoefficients([
      row({ date: '2026-12-05T00:00:00Z', coefficient: 1 }),
      row({ date: '2026-12-04T00:00:00Z', coefficient: 0 }),
      row({ date: '2026-12-04T00:00:00Z', coefficient: 0, boxTypeID: 5, boxTypeName: 'Монопаллеты' }),
      row({ date: '2026-12-20T00:00:00Z', coefficient: 0 }),
      row({ date: '2026-12-04T00:00:00Z', coefficient: 0, warehouseID: 117501 }),
      row({ date: '2026-12-06T00:00:00Z', coefficient: 2 }),
    ]);
    const watch = { warehouses: [507], box: 2, from: D('2026-12-01T00:00:00Z'), to: D('2026-12-10T00:00:00Z'), maxCoefficient: 1 };
    const found = slotsFor(watch, slots);
    expect(found.map((s) => [s.day, s.coefficient])).toEqual([
      [D('2026-12-04T00:00:00Z'), 0],
      [D('2026-12-05T00:00:00Z'), 1],
    ]);
    expect(slotsFor({ ...watch, maxCoefficient: 0 }, slots)).toHaveLength(1);
    expect(slotsFor({ ...watch, box: null, maxCoefficient: 0 }, slots)).toHaveLength(2);
    expect(new Set(found.map(alertKey)).size).toBe(2);
    expect(alertKey(found[0] as (typeof found)[number])).toBe(`acceptance-free:507:${D('2026-12-04T00:00:00Z')}:2`);
  });
});
