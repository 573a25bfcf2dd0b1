// Every text the bot says in Simplified Chinese, gathered per area. Another locale is added
// as a sibling folder exporting the same shape.
import { admin } from './admin.js';
import { claims } from './claims.js';
import { common } from './common.js';
import { discipline } from './discipline.js';
import { helpMenu } from './help-menu.js';
import { evaluation, exports, stars } from './evaluation.js';
import { indicators, partyDays, publicNotice } from './party-days.js';
import { pledges } from './pledges.js';
import { points } from './points.js';
import { pushes } from './pushes.js';
import { service } from './service.js';

export const zhCN = {
  common,
  pledges,
  discipline,
  service,
  admin,
  points,
  helpMenu,
  evaluation,
  stars,
  exports,
  partyDays,
  publicNotice,
  indicators,
  claims,
  pushes,
};
