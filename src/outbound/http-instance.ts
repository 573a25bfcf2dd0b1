// The SDK's HTTP layer with a timeout: same contract as its default axios instance (which has none).
import axios from 'axios';
import type { HttpInstance } from '@larksuiteoapi/node-sdk';

/**
 * The SDK expects `httpInstance` calls to resolve to the response body, or to `{data, headers}`
 * when it sets `$return_headers` (resource downloads) — as its own default interceptor does.
 */
export function createHttpInstance(timeoutMs: number): HttpInstance {
  const instance = axios.create({
    timeout: timeoutMs,
    // ETIMEDOUT rather than ECONNABORTED, so a timeout reads as what it is.
    transitional: { clarifyTimeoutError: true },
  });
  instance.interceptors.response.use((response) => {
    const config = response.config as { $return_headers?: boolean };
    return (config.$return_headers ? { data: response.data, headers: response.headers } : response.data) as typeof response;
  });
  return instance as unknown as HttpInstance;
}
