// CSV files for Excel (Russian locale): semicolons, a BOM so Excel reads UTF-8, and cells that
// start like a formula escaped (papaparse's escapeFormulae). papaparse is loaded when a file is
// made, not with the options page.
export async function csvFile(fields: string[], data: unknown[][]): Promise<string> {
  const { default: Papa } = await import('papaparse');
  return `\ufeff${Papa.unparse({ fields, data }, { delimiter: ';', escapeFormulae: true })}`;
}
