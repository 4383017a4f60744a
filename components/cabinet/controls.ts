// The seller cabinets' registry: each feature's cabinet control, one line each.
import { competitorsCabinet } from '../competitors/cabinet';
import { replyAssistantCabinet } from '../reply-assistant/cabinet';
import { unansweredCabinet } from '../unanswered/cabinet';
import type { CabinetControl } from './run';

export const CABINET_CONTROLS: readonly CabinetControl[] = [replyAssistantCabinet, unansweredCabinet, competitorsCabinet];
