/**
 * All time goes through a Clock so that polling, backoff and highlight fading
 * can be tested without sleeping. `systemClock` is the only real one.
 */
export type Clock = {
	now(): number;
	/** Resolves after `ms`, or rejects with the signal's reason when aborted. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: (ms, signal) =>
		new Promise<void>((resolve, reject) => {
			if (signal?.aborted) {
				reject(signal.reason);
				return;
			}
			const timer = setTimeout(() => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			}, ms);
			const onAbort = (): void => {
				clearTimeout(timer);
				reject(signal?.reason);
			};
			signal?.addEventListener('abort', onAbort, {once: true});
		}),
};
