// Filling a template's variables. Apart from templates.ts (zod, storage) so that the cabinet's
// content script, which only fills templates the background sent, carries neither.

export interface TemplateVars {
  buyer?: string;
  product?: string;
  article?: string;
  brand?: string;
}

/** Fills the variables; an unknown buyer name reads naturally ("Здравствуйте!"). */
export function renderTemplate(text: string, vars: TemplateVars): string {
  let out = text;
  if (!vars.buyer?.trim()) out = out.replace(/,\s*\{buyer\}!/g, '!').replace(/\{buyer\}/g, '');
  return out
    .replace(/\{buyer\}/g, (vars.buyer ?? '').trim())
    .replace(/\{product\}/g, vars.product?.trim() || 'товар')
    .replace(/\{article\}/g, vars.article?.trim() || '')
    .replace(/\{brand\}/g, vars.brand?.trim() || 'нашем')
    .replace(/ {2,}/g, ' ');
}
