// A stored card as the unit tests need one: every field a plain default, the test's own on top.
import type { ProductCard } from '../../utils/model';

export const productCard = (own: Partial<ProductCard> & Pick<ProductCard, 'marketplace' | 'id'>): ProductCard => ({
  rootId: null,
  name: `товар ${own.id}`,
  brand: '',
  seller: null,
  rating: null,
  reviewCount: 0,
  priceNow: null,
  priceBefore: own.priceNow ?? null,
  priceCard: null,
  discountPct: null,
  sizes: [],
  stockTotal: 1,
  stockKnown: true,
  stockByWarehouse: [],
  photos: 0,
  fetchedAt: 0,
  ...own,
});
