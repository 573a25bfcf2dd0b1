// The page's card markdown renderer: Feishu's formatting becomes HTML, and text the bot escaped
// (anything a person typed) stays literal — no tags, links or mentions sneak through.
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/bot/text.js';
import { renderMarkdown } from '../../../src/emulator/web/render/markdown.js';

describe('renderMarkdown', () => {
  it('renders bold, italic, strike, code and safe links', () => {
    const html = renderMarkdown('**积分** *本月* ~~旧~~ `code` [飞书](https://open.feishu.cn)');
    expect(html).toContain('<strong>积分</strong>');
    expect(html).toContain('<em>本月</em>');
    expect(html).toContain('<del>旧</del>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<a href="https://open.feishu.cn" target="_blank" rel="noopener noreferrer">飞书</a>');
  });

  it('renders <font color>, <at> and line breaks', () => {
    const html = renderMarkdown("余额 <font color='green'>+5</font>\n<at id=ou_1></at> 你好", { nameOf: (id) => (id === 'ou_1' ? '张三' : undefined) });
    expect(html).toContain('<span class="fc-green">+5</span>');
    expect(html).toContain('<span class="md-at">@张三</span>');
    expect(html).toContain('<br>');
  });

  it('renders unordered, ordered and nested lists', () => {
    const html = renderMarkdown('- 积分\n- 记录\n  - 子项\n1. 第一\n2. 第二');
    expect(html).toBe('<ul><li>积分</li><li>记录<ul><li>子项</li></ul></li></ul><ol><li>第一</li><li>第二</li></ol>');
  });

  it('keeps escaped user text literal: tags, mentions, links and markdown', () => {
    const typed = '<at id=all></at> **不是粗体** [点我](javascript:alert(1)) <script>x</script> - 不是列表';
    const html = renderMarkdown(escapeMarkdown(typed));
    expect(html).not.toContain('<strong>');
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('md-at');
    expect(html).toContain('&lt;at id=all&gt;&lt;/at&gt; **不是粗体** [点我](javascript:alert(1)) &lt;script&gt;x&lt;/script&gt; - 不是列表');
  });

  it('shows links with unsafe schemes as text and unknown tags literally', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('<a ');
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('renders headings, rules and code fences', () => {
    expect(renderMarkdown('# 标题\n---\n```\n<b>\n```')).toBe('<div class="md-h md-h1">标题</div><hr><pre class="md-code"><code>&lt;b&gt;</code></pre>');
  });
});
