/**
 * Worker entry (see first-poll.ts): makes each job's source, says whether
 * every address was valid, runs one poll per job with the ordinary poller and
 * posts the event that settles it. The sources load before the poller, so a
 * bad address is reported before undici has even loaded.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {isLiveblogError} from '../errors.js';
import type {PollSource} from '../sources/source.js';
import type {FirstPollJob, FirstPollMessage, SettlingEvent} from './first-poll.js';
import type {PollEvent} from './poll-events.js';

const port = parentPort;
const jobs: readonly FirstPollJob[] = workerData;

function post(message: FirstPollMessage): void {
	port?.postMessage(message);
}

function settles(event: PollEvent): event is SettlingEvent {
	return event.type !== 'poll-started' && event.type !== 'poll-paused';
}

async function sourcesFor(): Promise<PollSource[] | null> {
	const {createPollSource} = await import('../sources/index.js');
	const sources: PollSource[] = [];
	for (const job of jobs) {
		try {
			sources.push(createPollSource(job.url, job.options));
		} catch (error) {
			if (!isLiveblogError(error)) throw error;
			post({type: 'invalid', tab: job.tab, failure: error.failure});
			return null;
		}
	}
	post({type: 'checked'});
	return sources;
}

async function main(): Promise<void> {
	const sources = await sourcesFor();
	if (sources === null) return;
	const [{createPoller}, {systemClock}] = await Promise.all([import('./poller.js'), import('./clock.js')]);
	await Promise.all(
		jobs.map(
			(job, i) =>
				new Promise<void>((resolve) => {
					const poller = createPoller({
						source: sources[i]!,
						clock: systemClock,
						interval: job.interval,
						restored: false,
						getBlog: () => null,
						onEvent: (event) => {
							if (!settles(event)) return;
							post({type: 'settled', tab: job.tab, event});
							poller.stop();
							// Resolves once the debug log, if any, has its line.
							void poller.closed().then(resolve);
						},
						...(job.debugLogPath === undefined ? {} : {debugLogPath: job.debugLogPath}),
					});
					poller.start();
				}),
		),
	);
	// Keep-alive sockets would hold this thread for half a minute.
	const {closeSharedAgent} = await import('./agent.js');
	await closeSharedAgent();
}

await main();
