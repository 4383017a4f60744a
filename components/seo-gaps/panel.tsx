// SEO gaps in the product panel, where Lupa reads the marketplace's search (WB).
import { t } from '../../utils/content/i18n';
import { ask } from '../../utils/content/messaging';
import { adapterOf } from '../../utils/marketplaces';
import type { PanelSection } from '../parts';
import { reactSection } from '../product-panel/react-section';
import { SeoSection } from './SeoSection';

export const seoGapsPanel: PanelSection = {
  name: 'seo-gaps',
  draw: reactSection(({ marketplace, id, name }) =>
    adapterOf(marketplace).cardText ? (
      <>
        <h3>{t('seoTitle')}</h3>
        <SeoSection title={name} compare={(query) => ask('getSeoGaps', { marketplace, productId: id, query })} />
      </>
    ) : null,
  ),
};
