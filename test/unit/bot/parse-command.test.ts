import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/bot/parse-command.js';
import { escapeMarkdown, normalizeInput, truncate } from '../../../src/bot/text.js';

const table = [
  { name: 'help', aliases: ['帮助', 'help', '?'] },
  { name: 'points', aliases: ['积分', '我的积分', 'points'] },
  { name: 'board', aliases: ['排行', '积分排行', 'board', 'rank'] },
  { name: 'record', aliases: ['记录', 'record'] },
] as const;

describe('parseCommand', () => {
  it.each([
    ['积分', 'points', []],
    ['/积分', 'points', []],
    ['／积分　本月', 'points', ['本月']],
    ['我的积分本季', 'points', ['本季']],
    ['  POINTS   month ', 'points', ['month']],
    ['积分排行', 'board', []],
    ['@_user_1 帮助', 'help', []],
    ['记录 安全员 发现并处置隐患 3 处', 'record', ['安全员', '发现并处置隐患', '3', '处']],
    ['记录　安全员　发现并处置隐患　３　处', 'record', ['安全员', '发现并处置隐患', '3', '处']],
  ])('%j → %s %j', (input, name, args) => {
    const parsed = parseCommand(input, table);
    expect(parsed?.name).toBe(name);
    expect(parsed?.args).toEqual(args);
  });

  it.each(['', '   ', '@_user_1', 'pointsy', 'hello there', '/'])('%j is not a command', (input) => {
    expect(parseCommand(input, table)).toBeUndefined();
  });
});

describe('text helpers', () => {
  it('normalises full-width input', () => {
    expect(normalizeInput('／ＨＥＬＰ　１２３')).toBe('/HELP 123');
  });

  it('escapes mentions, links and markup so they stay literal', () => {
    const escaped = escapeMarkdown('<at id=all></at> [x](javascript:alert(1)) **b** <font color=red>');
    expect(escaped).not.toMatch(/<at|<font/);
    expect(escaped).toContain('&lt;at id=all&gt;&lt;/at&gt;');
    expect(escaped).toContain('\\[x\\]\\(javascript\\:alert\\(1\\)\\)');
    expect(escaped).toContain('\\*\\*b\\*\\*');
  });

  it('truncates by code point', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('短', 3)).toBe('短');
  });
});
