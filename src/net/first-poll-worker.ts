/**
 * Worker entry (see first-poll.ts): makes each job's source, says whether
 * every address was valid, runs one poll per job with the ordinary poller and
 * posts the event that settles it, after a preview of a large feed's newest
 * posts when one can be made. A bad address is reported before any request
 * is made.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {isLiveblogError} from '../errors.js';
import type {previewDocument} from '../sources/index.js';
import type {PollSource} from '../sources/source.js';
import type {FirstPollJob, FirstPollMessage, SettlingEvent} from './first-poll.js';
import type {PollEvent} from './poll-events.js';

type PreviewDocument = typeof previewDocument;

const port = parentPort;
const jobs: readonly FirstPollJob[] = workerData;

function post(message: FirstPollMessage): void {
	port?.postMessage(message);
}

function settles(event: PollEvent): event is SettlingEvent {
	return event.type !== 'poll-started' && event.type !== 'poll-paused';
}

/**
 * The job's source, which also posts the newest posts of a large feed as a
 * preview before reading the whole of it (the preview is not part of the
 * poll: the poller's own event still settles it).
 */
function previewing(source: PollSource, job: FirstPollJob, previewDocument: PreviewDocument): PollSource {
	return {
		label: source.label,
		nextRequest: (context) => source.nextRequest(context),
		accept(document, context) {
			const blog = previewDocument(document, job.options);
			if (blog !== null) post({type: 'preview', tab: job.tab, event: {type: 'poll-preview', at: context.now, blog}});
			return source.accept(document, context);
		},
	};
}

async function sourcesFor(): Promise<PollSource[] | null> {
	const {createPollSource, previewDocument} = await import('../sources/index.js');
	const sources: PollSource[] = [];
	for (const job of jobs) {
		try {
			sources.push(previewing(createPollSource(job.url, job.options), job, previewDocument));
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
	// Loaded alongside the sources (one module's file is read while the other compiles); used only once every address is valid.
	const net = Promise.all([import('./poller.js'), import('./clock.js')]);
	net.catch(() => undefined);
	const sources = await sourcesFor();
	if (sources === null) return;
	const [{createPoller}, {systemClock}] = await net;
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
