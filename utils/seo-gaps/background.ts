// SEO gaps' background side: WB only, where Lupa reads search (the same capability as positions).

import type { BackgroundFeature, BackgroundKit } from '../background-kit';
import { adapterOf } from '../marketplaces';
import { answer } from '../messaging';
import { createSeoService } from './service';

export const seoGaps: BackgroundFeature = {
  name: 'seo-gaps',
  register(kit: BackgroundKit) {
    const service = createSeoService({
      searchPage: kit.searchPages,
      cardText: (id) => kit.wb.fetchCardText(Number(id)),
    });
    answer('getSeoGaps', kit.from.wbTabOrPage, ({ marketplace, productId, query }, sender) => {
      if (!adapterOf(marketplace).cardText)
        return Promise.resolve({ query, rivals: 0, skipped: 0, minCount: 0, missing: [], unique: [], problem: 'not-found' as const });
      return service.compare(productId, query, kit.pageRoute('wb', sender));
    });
  },
};
