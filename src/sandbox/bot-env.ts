// The environment the bot runs with inside the sandbox: the same variables an operator sets
// (product.md §10), pointed at the emulator and the sandbox's database.
import type { SandboxSecrets } from './sandbox-home.js';
import type { SandboxSettings } from './sandbox-settings.js';

export function botEnvironment(
  settings: SandboxSettings,
  secrets: SandboxSecrets,
  urls: { databaseUrl: string; emulatorUrl: string },
): Record<string, string> {
  return {
    NODE_ENV: 'development',
    FEISHU_APP_ID: secrets.appId,
    FEISHU_APP_SECRET: secrets.appSecret,
    FEISHU_ENCRYPT_KEY: secrets.encryptKey,
    FEISHU_VERIFICATION_TOKEN: secrets.verificationToken,
    FEISHU_DOMAIN: urls.emulatorUrl,
    DATABASE_URL: urls.databaseUrl,
    ...(settings.redisUrl ? { REDIS_URL: settings.redisUrl } : {}),
    PORT: String(settings.webPort),
    HOST: settings.host,
    TZ_PARTY: settings.timeZone,
    ADMIN_TOKEN: secrets.adminToken,
    LOG_LEVEL: settings.logLevel,
  };
}
