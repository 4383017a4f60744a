// CSV files for Excel (Russian locale): semicolons, a BOM so Excel reads UTF-8, and cells that
// start like a formula escaped (papaparse's escapeFormulae).
import Papa from 'papaparse';

export const csvFile = (fields: string[], data: unknown[][]): string =>
  `\ufeff${Papa.unparse({ fields, data }, { delimiter: ';', escapeFormulae: true })}`;
