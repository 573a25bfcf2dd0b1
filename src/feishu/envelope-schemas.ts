// zod schemas for the wire shapes Feishu posts to us (reference §1.2–§1.4, §2.1–§2.6).
import { z } from 'zod';

const id = z.string().min(1);

export const userIdSchema = z.object({
  open_id: id,
  union_id: z.string().optional(),
  user_id: z.string().optional(),
});

export const challengeSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().min(1),
  token: z.string(),
});

export const v2EnvelopeSchema = z.object({
  schema: z.literal('2.0'),
  header: z.object({
    event_id: id,
    event_type: id,
    create_time: z.string().optional(),
    token: z.string(),
    app_id: z.string().optional(),
    tenant_key: z.string().optional(),
  }),
  // Typed per event type below; anything else is an unknown event, acknowledged and logged.
  event: z.record(z.string(), z.unknown()),
});

export const v1EnvelopeSchema = z.object({
  uuid: id,
  token: z.string(),
  ts: z.string().optional(),
  type: z.literal('event_callback'),
  event: z.looseObject({ type: id, app_id: z.string().optional(), tenant_key: z.string().optional() }),
});

export const messageReceiveSchema = z.object({
  sender: z.object({ sender_id: userIdSchema, sender_type: z.string(), tenant_key: z.string().optional() }),
  message: z.object({
    message_id: id,
    root_id: z.string().optional(),
    parent_id: z.string().optional(),
    create_time: z.string().optional(),
    chat_id: id,
    thread_id: z.string().optional(),
    chat_type: id,
    message_type: id,
    content: z.string(),
    mentions: z
      .array(
        z.object({
          key: z.string(),
          id: z.object({ open_id: z.string().optional(), union_id: z.string().optional(), user_id: z.string().optional() }),
          name: z.string().default(''),
        }),
      )
      .optional(),
  }),
});

export const menuSchema = z.object({
  operator: z.object({ operator_name: z.string().optional(), operator_id: userIdSchema }),
  event_key: id,
  // Documented as a string, typed as a number by the SDK: accept both (reference open question 4).
  timestamp: z.union([z.string(), z.number()]).optional(),
});

export const p2pChatEnteredSchema = z.object({
  chat_id: id,
  operator_id: userIdSchema,
  last_message_id: z.string().optional(),
});

export const botMembershipSchema = z.object({
  chat_id: id,
  operator_id: userIdSchema.optional(),
  external: z.boolean().optional(),
  name: z.string().optional(),
});

export const v1MessageSchema = z.object({
  type: z.literal('message'),
  open_chat_id: id,
  open_message_id: id,
  open_id: id,
  union_id: z.string().optional(),
  employee_id: z.string().optional(),
  chat_type: z.string(),
  msg_type: z.string(),
  text: z.string().optional(),
  text_without_at_bot: z.string().optional(),
  image_key: z.string().optional(),
});

export const v1BotMembershipSchema = z.object({
  type: z.enum(['add_bot', 'remove_bot']),
  open_chat_id: id,
  operator_open_id: z.string().optional(),
  chat_name: z.string().optional(),
});

const formValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const cardActionBodySchema = z.object({
  tag: z.string().default(''),
  name: z.string().optional(),
  value: z.union([z.record(z.string(), z.unknown()), z.string()]).nullable().optional(),
  form_value: z.record(z.string(), formValueSchema).optional(),
  input_value: z.string().optional(),
  option: z.string().optional(),
  options: z.array(z.string()).optional(),
  checked: z.boolean().optional(),
  timezone: z.string().optional(),
});

export const cardTriggerSchema = z.object({
  operator: z.object({
    open_id: id,
    union_id: z.string().optional(),
    user_id: z.string().optional(),
    tenant_key: z.string().optional(),
  }),
  token: z.string(),
  action: cardActionBodySchema,
  host: z.string().optional(),
  context: z
    .object({ open_message_id: z.string().optional(), open_chat_id: z.string().optional() })
    .optional(),
});

/** The deprecated flat 1.0 callback: no schema/header, never encrypted, signed with SHA-1. */
export const cardV1Schema = z.object({
  open_id: id,
  user_id: z.string().optional(),
  union_id: z.string().optional(),
  open_message_id: z.string().optional(),
  open_chat_id: z.string().optional(),
  tenant_key: z.string().optional(),
  token: z.string(),
  action: cardActionBodySchema,
});
