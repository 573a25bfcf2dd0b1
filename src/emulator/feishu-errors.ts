// Feishu error codes and messages the emulator answers with (reference §3.0, §3.10, §4).
// Where the docs give no message text, the text here is ours; the codes are Feishu's.

export interface FeishuError {
  http: number;
  code: number;
  msg: string;
}

const e = (http: number, code: number, msg: string): FeishuError => ({ http, code, msg });

export const ERR = {
  missingToken: e(400, 99991661, 'Missing access token for authorization. Please make a request with token attached.'),
  invalidToken: e(400, 99991663, 'Invalid access token for authorization. Please make a request with token attached.'),
  rateLimited: e(429, 99991400, 'request trigger frequency limit'),
  badAppId: e(400, 10003, 'invalid param'),
  badAppSecret: e(400, 10014, 'app secret invalid'),
  invalidParam: (detail: string) => e(400, 230001, `Your request contains an invalid request parameter, ${detail}.`),
  botNotInChat: e(400, 230002, 'Bot/User can NOT be out of the chat.'),
  noAvailability: e(400, 230013, 'Bot has NO availability to this user.'),
  notResourceOwner: e(400, 230017, 'Bot is NOT the owner of the resource.'),
  receiverRateLimited: e(400, 230020, 'This operation triggers the frequency limit.'),
  contentTooLong: e(400, 230025, 'The length of the message content reaches its limit.'),
  userResigned: e(400, 230029, 'The user has resigned.'),
  tooOldToUpdate: e(400, 230031, 'The message has been sent for more than 14 days and cannot be updated.'),
  badReceiveId: e(400, 230034, 'The receive_id is invalid for the receive_id_type.'),
  cardInvalid: (detail: string) => e(400, 230099, `Failed to create card content, ext=ErrCode: 200621; ErrMsg: ${detail}`),
  // Old-style APIs (batch_send, delayed card update) answer HTTP 200 with a non-zero code.
  batchInvalid: (detail: string) => e(200, 10002, `bad request: ${detail}`),
  cardTokenFormat: e(200, 300020, 'card token format invalid'),
  cardTokenExpired: e(200, 300030, 'card token expired'),
  cardTokenUsedUp: e(200, 300040, 'card token used up'),
  resourceNotFound: e(400, 234003, 'File not in msg.'),
  badImage: e(400, 234001, 'Invalid request param.'),
  fileTooLarge: e(400, 234006, 'The file size exceed the max value.'),
  fileEmpty: e(400, 234010, "File's size can't be 0."),
  serverError: (http: number) => e(http, 2200, 'Internal Error'),
} as const;
