/** Typed errors. Only src/cli/main.ts maps them to exit codes. */
export class MigsafeError extends Error {
  readonly exitCode: number = 2;
}
/** Bad command line: unknown option, missing path, nothing to lint. */
export class UsageError extends MigsafeError {
  override readonly name = 'UsageError';
}
/** Invalid or unreadable config file. The message names the file and the key. */
export class ConfigError extends MigsafeError {
  override readonly name = 'ConfigError';
}
/** A source file that cannot be read at all (missing, not a file). */
export class SourceError extends MigsafeError {
  override readonly name = 'SourceError';
}
/** The runtime gate could not run. */
export class GateError extends MigsafeError {
  override readonly name = 'GateError';
}
/** A bug in migsafe. */
export class InternalError extends MigsafeError {
  override readonly name = 'InternalError';
}
