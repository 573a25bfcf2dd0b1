// Typed builders for Feishu card JSON 2.0 (reference §5). Every card the bot sends is built
// from these, so escaping and the 2.0 rules (behaviors on buttons, forms at the root, named
// form fields) live in one place. User-entered text goes through `userText`, never `markdown`.
import { escapeMarkdown } from '../text.js';

export type HeaderColor =
  | 'blue' | 'wathet' | 'turquoise' | 'green' | 'yellow' | 'orange' | 'red'
  | 'carmine' | 'violet' | 'purple' | 'indigo' | 'grey' | 'default';

export interface CardElement {
  tag: string;
  [key: string]: unknown;
}

export interface Card {
  schema: '2.0';
  config: { update_multi: true; width_mode?: 'fill' | 'compact'; summary?: { content: string } };
  header?: {
    title: { tag: 'plain_text'; content: string };
    subtitle?: { tag: 'plain_text'; content: string };
    template: HeaderColor;
  };
  body: { elements: CardElement[] };
}

/** The payload a button or form carries back in `action.value`; `a` names the action. */
export type ActionValue = { a: string } & Record<string, string | number | boolean>;

/** Feishu refuses card messages over 30 KB (230025); we stay under with a margin. */
export const CARD_BYTE_LIMIT = 28 * 1024;

export function card(options: {
  title: string;
  subtitle?: string;
  color?: HeaderColor;
  summary?: string;
  elements: CardElement[];
}): Card {
  return {
    schema: '2.0',
    config: { update_multi: true, width_mode: 'fill', ...(options.summary ? { summary: { content: options.summary } } : {}) },
    header: {
      title: { tag: 'plain_text', content: options.title },
      ...(options.subtitle ? { subtitle: { tag: 'plain_text', content: options.subtitle } } : {}),
      template: options.color ?? 'red',
    },
    body: { elements: options.elements },
  };
}

export function cardBytes(value: Card): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Markdown written by us (trusted). Interpolate user text only through `md.user()`. */
export function markdown(content: string, options: { size?: 'normal' | 'notation' | 'heading-4' } = {}): CardElement {
  return { tag: 'markdown', content, ...(options.size ? { text_size: options.size } : {}) };
}

/** Text a person typed, shown literally. */
export function userText(text: string): CardElement {
  return markdown(escapeMarkdown(text));
}

export const md = {
  user: escapeMarkdown,
  bold: (trusted: string) => `**${trusted}**`,
  color: (trusted: string, color: 'green' | 'red' | 'grey' | 'orange' | 'blue') => `<font color='${color}'>${trusted}</font>`,
};

export function plainText(content: string, options: { color?: 'default' | 'grey'; size?: 'normal' | 'notation' } = {}): CardElement {
  return {
    tag: 'div',
    text: { tag: 'plain_text', content, text_size: options.size ?? 'normal', text_color: options.color ?? 'default' },
  };
}

export function divider(): CardElement {
  return { tag: 'hr' };
}

export type ButtonStyle = 'default' | 'primary' | 'danger' | 'primary_filled' | 'danger_filled' | 'text';

export function button(options: {
  label: string;
  value: ActionValue;
  style?: ButtonStyle;
  name?: string;
  confirm?: { title: string; text: string };
  disabled?: boolean;
}): CardElement {
  return {
    tag: 'button',
    text: { tag: 'plain_text', content: options.label },
    type: options.style ?? 'default',
    ...(options.name ? { name: options.name } : {}),
    ...(options.disabled ? { disabled: true } : {}),
    behaviors: [{ type: 'callback', value: options.value }],
    ...(options.confirm
      ? { confirm: { title: { tag: 'plain_text', content: options.confirm.title }, text: { tag: 'plain_text', content: options.confirm.text } } }
      : {}),
  };
}

/** Buttons side by side, wrapping on narrow phones. */
export function buttonRow(buttons: CardElement[]): CardElement {
  return {
    tag: 'column_set',
    flex_mode: 'flow',
    horizontal_spacing: '8px',
    columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })),
  };
}

/** Label/value pairs in two columns; values are trusted markdown. */
export function fields(pairs: { label: string; value: string }[]): CardElement {
  return {
    tag: 'column_set',
    flex_mode: 'bisect',
    horizontal_spacing: '8px',
    columns: pairs.map((p) => ({
      tag: 'column',
      width: 'weighted',
      weight: 1,
      elements: [markdown(`${p.label}\n**${p.value}**`)],
    })),
  };
}

/** A form: root-level only; every field named; submitted by a button named `submitName`. */
export function form(options: { name: string; elements: CardElement[]; submitLabel: string; submitValue?: ActionValue }): CardElement {
  return {
    tag: 'form',
    name: options.name,
    elements: [
      ...options.elements,
      {
        tag: 'button',
        name: `${options.name}_submit`,
        text: { tag: 'plain_text', content: options.submitLabel },
        type: 'primary_filled',
        form_action_type: 'submit',
        ...(options.submitValue ? { behaviors: [{ type: 'callback', value: options.submitValue }] } : {}),
      },
    ],
  };
}

export function input(options: {
  name: string;
  label: string;
  placeholder?: string;
  required?: boolean;
  defaultValue?: string;
  maxLength?: number;
  multiline?: boolean;
}): CardElement {
  return {
    tag: 'input',
    name: options.name,
    label: { tag: 'plain_text', content: options.label },
    label_position: 'top',
    placeholder: { tag: 'plain_text', content: options.placeholder ?? '' },
    required: options.required ?? false,
    width: 'fill',
    ...(options.defaultValue !== undefined ? { default_value: options.defaultValue } : {}),
    ...(options.maxLength ? { max_length: options.maxLength } : {}),
    ...(options.multiline ? { input_type: 'multiline_text', rows: 3 } : {}),
  };
}

export function selectStatic(options: {
  name: string;
  placeholder: string;
  options: { label: string; value: string }[];
  initial?: string;
  required?: boolean;
}): CardElement {
  return {
    tag: 'select_static',
    name: options.name,
    placeholder: { tag: 'plain_text', content: options.placeholder },
    options: options.options.map((o) => ({ text: { tag: 'plain_text', content: o.label }, value: o.value })),
    ...(options.initial ? { initial_option: options.initial } : {}),
    required: options.required ?? false,
    width: 'fill',
  };
}

export function datePicker(options: { name: string; placeholder: string; initialDate?: string; required?: boolean }): CardElement {
  return {
    tag: 'date_picker',
    name: options.name,
    placeholder: { tag: 'plain_text', content: options.placeholder },
    ...(options.initialDate ? { initial_date: options.initialDate } : {}),
    required: options.required ?? false,
    width: 'fill',
  };
}

/** A VChart spec (no functions: Feishu rejects JavaScript in specs). */
export function chart(spec: Record<string, unknown>, options: { aspectRatio?: '1:1' | '2:1' | '4:3' | '16:9' } = {}): CardElement {
  return { tag: 'chart', chart_spec: spec, aspect_ratio: options.aspectRatio ?? '2:1', color_theme: 'brand', preview: true };
}
