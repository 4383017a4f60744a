// The options page's registry: each feature's part, one line each, in the order they show.
import { backupOptions } from '../../components/backup/DataSection';
import { competitorsOptions } from '../../components/competitors/OwnItems';
import { ownNumbersOptions } from '../../components/own-numbers/token';
import type { OptionsPart } from '../../components/parts';
import { replyAssistantOptions } from '../../components/reply-assistant/options';
import { suppliesOptions } from '../../components/supplies/links';
import { unansweredOptions } from '../../components/unanswered/options';
import { watchlistOptions } from '../../components/watchlist/options';

export const OPTIONS_PARTS: readonly OptionsPart[] = [
  unansweredOptions,
  ownNumbersOptions,
  suppliesOptions,
  competitorsOptions,
  replyAssistantOptions,
  watchlistOptions,
  backupOptions,
];
