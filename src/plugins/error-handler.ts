// Maps every error to a JSON answer in one place; 5xx answers never reveal internals.
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';

export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      const status = error instanceof AppError ? error.statusCode : (error.statusCode ?? 500);
      const code = error instanceof AppError ? error.code : (error.code ?? 'INTERNAL');
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return reply.status(status).send({ error: status === 503 ? 'UNAVAILABLE' : 'INTERNAL', message: 'internal error' });
      }
      request.log.info({ code, status }, 'request refused');
      return reply.status(status).send({ error: code, message: error.message });
    });
    app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: 'NOT_FOUND', message: 'not found' }));
  },
  { name: 'error-handler' },
);
