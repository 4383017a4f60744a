// The watchlist in the options page: its CSV among the data exports.
import { watchlistCsv } from '../../utils/watchlist/export';
import type { OptionsPart } from '../parts';

export const watchlistOptions: OptionsPart = {
  name: 'watchlist',
  exports: [{ label: 'optExportWatch', file: 'lupa-watchlist', make: watchlistCsv }],
};
