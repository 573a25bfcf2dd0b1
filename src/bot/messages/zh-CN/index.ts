// Every text the bot says in Simplified Chinese, gathered per area. Another locale is added
// as a sibling folder exporting the same shape.
import { admin } from './admin.js';
import { common } from './common.js';
import { discipline } from './discipline.js';
import { pledges } from './pledges.js';
import { pushes } from './pushes.js';
import { service } from './service.js';

export const zhCN = {
  common,
  pledges,
  discipline,
  service,
  admin,
  pushes,
};
