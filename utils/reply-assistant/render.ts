// Filling a template's variables. Apart from templates.ts (zod, storage) so that the cabinet's
// content script, which only fills templates the background sent, carries neither.

/** The variables a template may use. */
export const TEMPLATE_VARIABLES = ['buyer', 'product', 'article', 'brand'] as const;

/** The `{name}`s in a template that Lupa cannot fill (a typo like {byuer}), each once. */
export function unknownVariables(text: string): string[] {
  const known: readonly string[] = TEMPLATE_VARIABLES;
  return [...new Set([...text.matchAll(/\{([^{}\n]{1,40})\}/g)].map((m) => m[1] as string))].filter((name) => !known.includes(name));
}

export interface TemplateVars {
  buyer?: string;
  product?: string;
  article?: string;
  brand?: string;
}

/**
 * A buyer's name as a reply may greet them: what the page shows, without markup a buyer typed into
 * it ("<b>Анна</b>"); none when nothing name-like is left or it is too long to be a name.
 */
export function greetable(name: string): string {
  const plain = name
    .replace(/<[^>]*>?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length <= 60 && /\p{L}/u.test(plain) ? plain : '';
}

/**
 * Fills the variables in one pass, each by a function: what a buyer typed as their name ("$&",
 * "{product}") is written as is, never read as a replacement pattern or as another variable.
 * An unknown buyer name reads naturally ("Здравствуйте!").
 */
export function renderTemplate(text: string, vars: TemplateVars): string {
  const buyer = vars.buyer?.trim() ?? '';
  const values: Record<string, string> = {
    buyer,
    product: vars.product?.trim() || 'товар',
    article: vars.article?.trim() || '',
    brand: vars.brand?.trim() || 'нашем',
  };
  const out = buyer ? text : text.replace(/,\s*\{buyer\}!/g, () => '!');
  return out.replace(/\{(buyer|product|article|brand)\}/g, (_, name: string) => values[name] ?? '').replace(/ {2,}/g, ' ');
}
