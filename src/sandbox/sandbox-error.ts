// The one kind of failure the sandbox reports to a person: what went wrong and the one command
// that fixes it, printed plainly instead of a stack trace.
export class SandboxError extends Error {
  override readonly name = 'SandboxError';

  constructor(
    /** One or two sentences: what is wrong, in terms the person can check. */
    readonly why: string,
    /** The command (or setting) that fixes it, when there is one. */
    readonly fix?: string,
  ) {
    super(why);
  }
}

/** The text printed for a failure: why, then the fix on its own line. */
export function describeFailure(error: unknown, logFile?: string): string {
  if (error instanceof SandboxError) {
    return [`The sandbox cannot start: ${error.why}`, ...(error.fix ? ['', 'Fix it with:', `  ${error.fix}`] : [])].join('\n');
  }
  const message = error instanceof Error ? error.message : String(error);
  return `The sandbox stopped: ${message}${logFile ? `\nMore in the sandbox log: ${logFile}` : ''}`;
}
