// SEO gaps in the product panel, where Lupa reads the marketplace's search (WB): a heading and the
// section (seo-section.ts). Nothing where the marketplace's card text is not read (Ozon).
import { h } from '../../utils/content/dom';
import { t } from '../../utils/content/i18n';
import { ask } from '../../utils/content/messaging';
import { adapterOf } from '../../utils/marketplaces';
import type { PanelSection } from '../parts';
import { seoSection } from './seo-section';

export const seoGapsPanel: PanelSection = {
  name: 'seo-gaps',
  draw(into, { marketplace, id, name }) {
    if (!adapterOf(marketplace).cardText) return undefined;
    const heading = h('h3', null, t('seoTitle'));
    into.append(heading);
    const drawn = seoSection(into, { title: name, compare: (query) => ask('getSeoGaps', { marketplace, productId: id, query }) });
    return {
      unmount() {
        drawn.unmount?.();
        heading.remove();
      },
    };
  },
};
