/**
 * Reading a response body under caps: wire bytes counted as they arrive,
 * content coding undone with node:zlib streams (undici's own decompression is
 * uncapped), decoded bytes counted too, so a small gzip that expands to
 * gigabytes stops at the cap instead of exhausting memory.
 */
import {Transform, type Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import zlib from 'node:zlib';
import {LiveblogError, type Failure} from '../errors.js';

function fail(failure: Failure, cause?: unknown): LiveblogError {
	return new LiveblogError(failure, cause === undefined ? undefined : {cause});
}

export function discard(body: {dump(opts?: {limit: number}): Promise<void>}): Promise<void> {
	// dump() reads a little to keep the connection reusable, then destroys.
	return body.dump({limit: 64 * 1024}).catch(() => undefined);
}

/** Destroys an unread body; undici emits an abort error on destroy that nobody else listens for. */
export function destroyBody(body: Readable): void {
	body.on('error', () => undefined);
	body.destroy();
}

function decoderFor(encoding: string): Transform | 'identity' | null {
	switch (encoding) {
		case '':
		case 'identity':
			return 'identity';
		case 'gzip':
		case 'x-gzip':
		case 'deflate':
			// Unzip accepts gzip and zlib-wrapped deflate; sync flush tolerates a missing trailer as browsers do.
			return zlib.createUnzip({finishFlush: zlib.constants.Z_SYNC_FLUSH});
		case 'br':
			return zlib.createBrotliDecompress({finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH});
		default:
			return null;
	}
}

export type BodyResult = {readonly bytes: Buffer; readonly wireBytes: number};

export async function readBody(
	body: Readable,
	contentEncoding: string | undefined,
	limits: {maxBytes: number; maxDecodedBytes: number},
	url: URL,
): Promise<BodyResult> {
	const host = url.host;
	const encodings = (contentEncoding ?? '')
		.toLowerCase()
		.split(',')
		.map((e) => e.trim())
		.filter((e) => e !== '' && e !== 'identity')
		.reverse();
	// Stacked codings ("gzip, br") are legal but unseen in feeds; one is supported.
	const decoder = encodings.length <= 1 ? decoderFor(encodings[0] ?? '') : null;
	if (decoder === null) {
		destroyBody(body);
		throw fail({kind: 'parse', message: `unsupported content-encoding "${encodings.join(', ').slice(0, 40)}"`, url: url.href});
	}
	let wireBytes = 0;
	let decodedBytes = 0;
	let decodeFailed = false;
	// Set before throwing so that the errors the teardown causes further up the chain do not mask it.
	let capExceeded: LiveblogError | null = null;
	const chunks: Buffer[] = [];
	const countWire = new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			wireBytes += chunk.length;
			if (wireBytes > limits.maxBytes) {
				capExceeded = fail({kind: 'too-large', limitBytes: limits.maxBytes, host, decoded: false});
				callback(capExceeded);
			} else callback(null, chunk);
		},
	});
	if (decoder !== 'identity') decoder.once('error', () => (decodeFailed = true));
	const collect = async (source: AsyncIterable<Buffer>): Promise<void> => {
		for await (const chunk of source) {
			decodedBytes += chunk.length;
			if (decodedBytes > limits.maxDecodedBytes) {
				capExceeded = fail({kind: 'too-large', limitBytes: limits.maxDecodedBytes, host, decoded: true});
				throw capExceeded;
			}
			chunks.push(chunk);
		}
	};
	try {
		if (decoder === 'identity') await pipeline(body, countWire, collect);
		else await pipeline(body, countWire, decoder, collect);
	} catch (error) {
		if (capExceeded) throw capExceeded;
		if (error instanceof LiveblogError) throw error;
		if (decodeFailed) {
			throw fail({kind: 'parse', message: `the response could not be decompressed (${encodings.join(', ')})`, url: url.href}, error);
		}
		throw error;
	}
	return {bytes: Buffer.concat(chunks), wireBytes};
}
