// Names of WB warehouses by the `wh` id that stocks carry. WB publishes the full list in a static
// file whose address moves; these are the large ones buyers see most. An unknown id is shown as
// "Склад №id" — never guessed.
const NAMES: Record<number, string> = {
  507: 'Коледино',
  117501: 'Подольск',
  120762: 'Электросталь',
  206348: 'Тула',
  2737: 'Санкт-Петербург',
  117986: 'Казань',
  1733: 'Екатеринбург',
  686: 'Новосибирск',
  130744: 'Краснодар',
  1193: 'Хабаровск',
  208277: 'Невинномысск',
  301760: 'Рязань',
};

export function warehouseName(id: number): string {
  return NAMES[id] ?? `Склад №${id}`;
}
