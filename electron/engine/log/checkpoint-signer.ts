/** Signs checkpoint bodies for one log; built from the log's note signer key at the composition root. */
export interface CheckpointSigner {
  /** The log's verifier key, C2SP vkey form `name+hash+base64`. */
  readonly verifierKey: string;
  /** Returns the signed note (body, blank line, signature lines) for a checkpoint body. */
  sign(body: string): string;
}

/** Wall clock, injected so tests and the engine agree on time. */
export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };
