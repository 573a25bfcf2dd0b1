// The table of inputs that are not commands (files, images, group membership), as the router's `others`.
// Image handlers are tried in order; the first that claims the photo answers it.
import type { BotInput } from '../bot-input.js';
import type { OutgoingMessage } from '../reply.js';
import type { RouterDeps } from '../router.js';
import { onBotAdded, onBotRemoved } from './group-events.js';
import { attachClaimPhoto } from './claim-photo.js';
import { attachProgressPhoto } from './progress-photo.js';
import { onEvaluationFile } from './evaluation-file.js';
import { onFile } from './roster-file.js';

type ImageHandler = (input: BotInput, deps: RouterDeps) => Promise<OutgoingMessage[] | undefined>;

const imageHandlers: readonly ImageHandler[] = [attachProgressPhoto, attachClaimPhoto];

async function onImage(input: BotInput, deps: RouterDeps): Promise<OutgoingMessage[]> {
  for (const handle of imageHandlers) {
    const answer = await handle(input, deps);
    if (answer) return answer;
  }
  return [];
}

/** An evaluation template first (by name, or any workbook from a secretary), else the roster handler. */
async function onAnyFile(input: BotInput, deps: RouterDeps): Promise<OutgoingMessage[]> {
  return (await onEvaluationFile(input, deps)) ?? onFile(input, deps);
}

export const otherInputs: NonNullable<RouterDeps['others']> = {
  'bot-added': onBotAdded,
  'bot-removed': onBotRemoved,
  file: onAnyFile,
  image: onImage,
};
