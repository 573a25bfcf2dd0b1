// Structured logging (pino) with secrets and personal data redacted: party membership,
// names and contact details are sensitive, and Feishu credentials must never reach logs.
import { pino, type Logger, type LoggerOptions } from 'pino';

/** Field names that are redacted wherever they appear (up to three levels deep). */
export const REDACTED_FIELDS = [
  // secrets
  'authorization',
  'appSecret',
  'app_secret',
  'encryptKey',
  'encrypt_key',
  'verificationToken',
  'token',
  'tenant_access_token',
  'adminToken',
  'password',
  'databaseUrl',
  'redisUrl',
  'encrypt',
  // personal data
  'name',
  'mobile',
  'mobiles',
  'email',
  'emails',
  'employeeNo',
  'employee_no',
  'openId',
  'open_id',
  'union_id',
  'user_id',
  'operator_name',
  'text',
  'content',
  'description',
  'reason',
  'comment',
] as const;

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const field of REDACTED_FIELDS) {
    paths.push(field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`);
  }
  paths.push('req.headers.authorization', 'req.headers.cookie', 'req.headers["x-lark-signature"]');
  return paths;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { pid: process.pid },
    redact: { paths: redactPaths(), censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

export type { Logger };
