// Every text the bot says in Simplified Chinese, gathered per area. Another locale is added
// as a sibling folder exporting the same shape.
import { common } from './common.js';

export const zhCN = {
  common,
};
