// Per-endpoint fault injection: latency, bursts of 5xx, "accept then time out" (ambiguous sends).
import type { EndpointId } from './types.js';

export interface FaultSpec {
  /** Delay before the endpoint does anything. */
  latencyMs?: number;
  /** The next N calls answer with a 5xx before touching any state. */
  serverErrors?: number;
  serverErrorStatus?: 500 | 502 | 503 | 504;
  /**
   * The next N calls do their effect (message stored) and then never answer: 'hang' keeps the
   * connection open until the client gives up, 'reset' destroys the socket.
   */
  acceptThenTimeout?: number;
  timeoutMode?: 'hang' | 'reset';
  /** The next N calls answer 99991663 whatever token they carry (a token revoked server-side). */
  tokenInvalid?: number;
}

export class FaultInjector {
  private readonly specs = new Map<EndpointId, FaultSpec>();

  set(endpoint: EndpointId, spec: FaultSpec): void {
    this.specs.set(endpoint, { ...spec });
  }

  clear(endpoint?: EndpointId): void {
    if (endpoint) this.specs.delete(endpoint);
    else this.specs.clear();
  }

  list(): Partial<Record<EndpointId, FaultSpec>> {
    return Object.fromEntries(this.specs);
  }

  latencyMs(endpoint: EndpointId): number {
    return this.specs.get(endpoint)?.latencyMs ?? 0;
  }

  /** Consumes one injected 5xx, returning its status. */
  takeServerError(endpoint: EndpointId): number | null {
    const spec = this.specs.get(endpoint);
    if (!spec?.serverErrors) return null;
    spec.serverErrors -= 1;
    return spec.serverErrorStatus ?? 500;
  }

  /** Consumes one injected "token invalid" answer. */
  takeTokenInvalid(endpoint: EndpointId): boolean {
    const spec = this.specs.get(endpoint);
    if (!spec?.tokenInvalid) return false;
    spec.tokenInvalid -= 1;
    return true;
  }

  /** Consumes one injected accept-then-timeout, returning how to drop the answer. */
  takeAcceptThenTimeout(endpoint: EndpointId): 'hang' | 'reset' | null {
    const spec = this.specs.get(endpoint);
    if (!spec?.acceptThenTimeout) return null;
    spec.acceptThenTimeout -= 1;
    return spec.timeoutMode ?? 'hang';
  }
}
