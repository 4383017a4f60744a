// The options page's registry: each feature's part, one line each, in the order they show.
import { backupOptions } from '../../components/backup/DataSection';
import { competitorsOptions } from '../../components/competitors/OwnItems';
import { ownNumbersOptions } from '../../components/own-numbers/token';
import type { OptionsPart } from '../../components/parts';
import { replyAssistantOptions } from '../../components/reply-assistant/options';
import { unansweredOptions } from '../../components/unanswered/options';
import { watchlistOptions } from '../../components/watchlist/options';

export const OPTIONS_PARTS: readonly OptionsPart[] = [
  unansweredOptions,
  ownNumbersOptions,
  competitorsOptions,
  replyAssistantOptions,
  watchlistOptions,
  backupOptions,
];
