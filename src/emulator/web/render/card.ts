// A whole card (JSON 2.0, with 1.0 fallbacks): header with colour template, subtitle and tags,
// then the body's components; returns the HTML and the interactive components it contains.
import type { CardContext, Interactive } from './card-context.js';
import { renderElements } from './card-layout.js';
import { colorClass, escapeHtml, isObj, list, str, textOf, type Obj } from './html.js';

export interface RenderedCard {
  html: string;
  interactives: Interactive[];
}

export interface CardOptions {
  nameOf?: (openId: string) => string | undefined;
  imageUrl: (imageKey: string) => string;
}

function header(h: Obj): string {
  const tags = list(h.text_tag_list)
    .filter(isObj)
    .map((t) => `<span class="tag ${colorClass('tag', t.color, 'neutral')}">${escapeHtml(textOf(t.text))}</span>`)
    .join('');
  const subtitle = textOf(h.subtitle) ? `<div class="card-sub">${escapeHtml(textOf(h.subtitle))}</div>` : '';
  return `<div class="card-h ${colorClass('hdr', h.template)}"><div class="card-title">${escapeHtml(textOf(h.title))}${tags}</div>${subtitle}</div>`;
}

/** The components of a card, wherever its schema keeps them. */
function elementsOf(card: Obj): unknown[] {
  if (isObj(card.body)) return list(card.body.elements);
  if (Array.isArray(card.elements)) return card.elements;
  if (isObj(card.i18n_elements)) return list(card.i18n_elements.zh_cn ?? Object.values(card.i18n_elements)[0]);
  return [];
}

export function renderCard(card: unknown, options: CardOptions): RenderedCard {
  const ctx: CardContext = { ...options, interactives: [], depth: 0 };
  if (!isObj(card)) return { html: '<div class="card"><div class="card-b unsupported">卡片内容无效</div></div>', interactives: [] };
  if (card.type === 'template' || card.type === 'card') {
    const id = isObj(card.data) ? (str(card.data.template_id) ?? str(card.data.card_id) ?? '') : '';
    return { html: `<div class="card"><div class="card-b unsupported">模板/卡片实体 ${escapeHtml(id)}：沙盒只渲染卡片 JSON</div></div>`, interactives: [] };
  }
  const config = isObj(card.config) ? card.config : {};
  const width = config.width_mode === 'fill' ? 'fill' : config.width_mode === 'compact' ? 'compact' : 'default';
  const head = isObj(card.header) ? header(card.header) : '';
  const body = renderElements(elementsOf(card), ctx);
  return { html: `<div class="card card-w-${width}">${head}<div class="card-b">${body}</div></div>`, interactives: ctx.interactives };
}
