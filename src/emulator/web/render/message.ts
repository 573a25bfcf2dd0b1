// The body of one chat message as the Feishu client would show it: text (with @mentions), post
// (rich text), image, card, or a short placeholder for kinds the page does not draw.
import type { MessageView } from '../view-types.js';
import type { Interactive } from './card-context.js';
import { renderCard } from './card.js';
import { escapeHtml, isObj, list, safeUrl, str, type Obj } from './html.js';
import { renderMarkdown } from './markdown.js';

export interface MessageOptions {
  nameOf?: (openId: string) => string | undefined;
  imageUrl: (imageKey: string) => string;
  /** Where a file the bot sent can be downloaded; without it a file shows as a placeholder. */
  fileUrl?: (fileKey: string) => string;
}

export interface RenderedMessage {
  html: string;
  /** Card messages: the interactive components, addressed by `data-i`. */
  interactives: Interactive[];
  isCard: boolean;
}

function textWithMentions(text: string, options: MessageOptions): string {
  return escapeHtml(text)
    .replace(/&lt;at user_id=(?:&quot;|&#39;)?([\w-]+)(?:&quot;|&#39;)?&gt;(.*?)&lt;\/at&gt;/g, (_, id: string, name: string) => {
      const shown = id === 'all' ? '所有人' : (options.nameOf?.(id) ?? (name || id));
      return `<span class="md-at">@${shown}</span>`;
    })
    .replace(/\n/g, '<br>');
}

function postElement(el: Obj, options: MessageOptions): string {
  switch (el.tag) {
    case 'text': {
      const styles = list(el.style).map(String);
      const cls = styles.filter((s) => /^(bold|italic|underline|lineThrough)$/.test(s)).map((s) => `ps-${s}`).join(' ');
      return `<span class="${cls}">${escapeHtml(str(el.text) ?? '').replace(/\n/g, '<br>')}</span>`;
    }
    case 'a': {
      const url = safeUrl(str(el.href) ?? '');
      const label = escapeHtml(str(el.text) ?? str(el.href) ?? '');
      return url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${label}</a>` : label;
    }
    case 'at': {
      const id = str(el.user_id) ?? '';
      return `<span class="md-at">@${escapeHtml(id === 'all' ? '所有人' : (options.nameOf?.(id) ?? str(el.user_name) ?? id))}</span>`;
    }
    case 'img':
      return `<img class="post-img" src="${escapeHtml(options.imageUrl(str(el.image_key) ?? ''))}" alt="">`;
    case 'hr':
      return '<hr>';
    case 'code_block':
      return `<pre class="md-code"><code>${escapeHtml(str(el.text) ?? '')}</code></pre>`;
    case 'md':
      return renderMarkdown(str(el.text) ?? '', options);
    case 'emotion':
      return `<span class="emotion">[${escapeHtml(str(el.emoji_type) ?? '')}]</span>`;
    default:
      return `<span class="unsupported">[${escapeHtml(str(el.tag) ?? '?')}]</span>`;
  }
}

function post(content: Obj, options: MessageOptions): string {
  const body = isObj(content.zh_cn) ? content.zh_cn : isObj(content.en_us) ? content.en_us : (Object.values(content).find(isObj) ?? content);
  const title = str(body.title) ? `<div class="post-title">${escapeHtml(str(body.title) ?? '')}</div>` : '';
  const paragraphs = list(body.content).map((line) => `<p>${list(line).filter(isObj).map((el) => postElement(el, options)).join('')}</p>`);
  return `<div class="post">${title}${paragraphs.join('')}</div>`;
}

const PLACEHOLDERS: Record<string, string> = {
  file: '[文件]',
  audio: '[语音]',
  media: '[视频]',
  sticker: '[表情]',
  share_chat: '[群名片]',
  share_user: '[个人名片]',
};

export function renderMessage(message: MessageView, options: MessageOptions): RenderedMessage {
  const content = isObj(message.content) ? message.content : {};
  switch (message.msgType) {
    case 'text':
      return { html: `<div class="text">${textWithMentions(message.text ?? str(content.text) ?? '', options)}</div>`, interactives: [], isCard: false };
    case 'post':
      return { html: post(content, options), interactives: [], isCard: false };
    case 'image':
      return { html: `<img class="msg-img" src="${escapeHtml(options.imageUrl(str(content.image_key) ?? ''))}" alt="图片">`, interactives: [], isCard: false };
    case 'interactive': {
      const card = renderCard(message.content, options);
      return { html: card.html, interactives: card.interactives, isCard: true };
    }
    case 'file': {
      const key = str(content.file_key);
      if (!key || !options.fileUrl) break;
      const name = str(content.file_name) ?? '下载';
      return { html: `<div class="text"><a class="msg-file" href="${escapeHtml(options.fileUrl(key))}" download>${PLACEHOLDERS.file} ${escapeHtml(name)}</a></div>`, interactives: [], isCard: false };
    }
  }
  const name = str(content.file_name) ?? '';
  return { html: `<div class="text">${PLACEHOLDERS[message.msgType] ?? `[${escapeHtml(message.msgType)}]`} ${escapeHtml(name)}</div>`, interactives: [], isCard: false };
}
