// The popup's registry: each feature's part, one line each, in the order they show.

import { complaintsPopup } from '../../components/complaints/popup';
import { ownNumbersPopup } from '../../components/own-numbers/popup';
import type { PopupPart } from '../../components/parts';
import { positionsPopup } from '../../components/positions/popup';
import { suppliesPopup } from '../../components/supplies/links';
import { unansweredPopup } from '../../components/unanswered/popup';
import { watchlistPopup } from '../../components/watchlist/popup';

export const POPUP_PARTS: readonly PopupPart[] = [
  unansweredPopup,
  ownNumbersPopup,
  watchlistPopup,
  positionsPopup,
  complaintsPopup,
  suppliesPopup,
];
