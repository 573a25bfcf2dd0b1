// Image and file upload (multipart, §3.8; im/v1/files) and message-resource download (§2.1).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { ERR } from './feishu-errors.js';
import { guard, sendError, sendOk } from './http.js';
import { parseMultipart } from './multipart.js';

const IMAGE_LIMIT = 10 * 1024 * 1024;
/** im/v1/files: at most 30 MB, and no empty files. */
const FILE_LIMIT = 30 * 1024 * 1024;
const FILE_TYPES = new Set(['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream']);
// The body limit leaves room for the multipart framing around a 10 MB image.
export const MULTIPART_BODY_LIMIT = IMAGE_LIMIT + 64 * 1024;
const FILE_BODY_LIMIT = FILE_LIMIT + 64 * 1024;

export function registerMediaRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: FILE_BODY_LIMIT }, (_req, body, done) => {
    done(null, body);
  });

  app.post('/open-apis/im/v1/images', { config: { endpoint: 'im.image.create' }, bodyLimit: MULTIPART_BODY_LIMIT }, async (request, reply) => {
    if (!(await guard(ctx, 'im.image.create', request, reply))) return reply;
    const contentType = request.headers['content-type'] ?? '';
    if (!Buffer.isBuffer(request.body) || !contentType.startsWith('multipart/form-data')) {
      return sendError(request, reply, ERR.badImage);
    }
    const parts = parseMultipart(request.body, contentType);
    const imageType = parts?.find((p) => p.name === 'image_type')?.data.toString('utf8');
    const image = parts?.find((p) => p.name === 'image');
    if ((imageType !== 'message' && imageType !== 'avatar') || !image) return sendError(request, reply, ERR.badImage);
    if (image.data.length === 0 || image.data.length > IMAGE_LIMIT) return sendError(request, reply, ERR.badImage);
    const key = ctx.media.putImage({
      bytes: image.data,
      contentType: image.contentType ?? 'application/octet-stream',
      ...(image.filename ? { fileName: image.filename } : {}),
    });
    return sendOk(request, reply, { code: 0, msg: 'success', data: { image_key: key } });
  });

  app.post('/open-apis/im/v1/files', { config: { endpoint: 'im.file.create' }, bodyLimit: FILE_BODY_LIMIT }, async (request, reply) => {
    if (!(await guard(ctx, 'im.file.create', request, reply))) return reply;
    const contentType = request.headers['content-type'] ?? '';
    if (!Buffer.isBuffer(request.body) || !contentType.startsWith('multipart/form-data')) return sendError(request, reply, ERR.badImage);
    const parts = parseMultipart(request.body, contentType);
    const text = (name: string) => parts?.find((p) => p.name === name)?.data.toString('utf8');
    const fileType = text('file_type');
    const fileName = text('file_name');
    const file = parts?.find((p) => p.name === 'file');
    if (!fileType || !FILE_TYPES.has(fileType) || !fileName || !file) return sendError(request, reply, ERR.badImage);
    if (file.data.length === 0) return sendError(request, reply, ERR.fileEmpty);
    if (file.data.length > FILE_LIMIT) return sendError(request, reply, ERR.fileTooLarge);
    const key = ctx.media.putFile({ bytes: file.data, contentType: file.contentType ?? 'application/octet-stream', fileName });
    return sendOk(request, reply, { code: 0, msg: 'success', data: { file_key: key } });
  });

  app.get(
    '/open-apis/im/v1/messages/:message_id/resources/:file_key',
    { config: { endpoint: 'im.message_resource.get' } },
    async (request, reply) => {
      if (!(await guard(ctx, 'im.message_resource.get', request, reply))) return reply;
      const { message_id: messageId, file_key: fileKey } = request.params as { message_id: string; file_key: string };
      const type = (request.query as Record<string, unknown>).type;
      if (type !== 'image' && type !== 'file') return sendError(request, reply, ERR.badImage);
      const media = ctx.media.getResource(messageId, fileKey);
      if (!media) return sendError(request, reply, ERR.resourceNotFound);
      return reply
        .code(200)
        .header('content-type', media.contentType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(media.fileName ?? fileKey)}"`)
        .send(media.bytes);
    },
  );
}
