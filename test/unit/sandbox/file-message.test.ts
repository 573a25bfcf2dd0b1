// A file the bot sent shows in the sandbox chat as a download link (the export, the evaluation template).
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src/emulator/web/render/message.js';

const fileMessage = (content: unknown) => ({ messageId: 'om_1', from: 'bot' as const, msgType: 'file', content, createTime: 0, updateTime: 0, updated: false });
const imageUrl = (key: string) => `/_sandbox/images/${key}`;
const fileUrl = (key: string) => `/_sandbox/files/${encodeURIComponent(key)}`;

describe('file messages in the sandbox', () => {
  it('link to the download, with the key escaped', () => {
    const { html } = renderMessage(fileMessage({ file_key: 'file_v3_"><script>' }), { imageUrl, fileUrl });
    expect(html).toContain('href="/_sandbox/files/file_v3_%22%3E%3Cscript%3E" download');
    expect(html).toContain('[文件] 下载');
    expect(html).not.toContain('<script>');
  });

  it('fall back to the placeholder without a download address or a key', () => {
    expect(renderMessage(fileMessage({ file_key: 'file_v3_a' }), { imageUrl }).html).toBe('<div class="text">[文件] </div>');
    expect(renderMessage(fileMessage({}), { imageUrl, fileUrl }).html).toBe('<div class="text">[文件] </div>');
  });
});
