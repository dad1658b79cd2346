/**
 * JSON for a pipe that may end in a terminal. JSON.stringify escapes C0
 * controls but leaves DEL, C1 controls, the line/paragraph separators and
 * bidi controls raw: a `jq -r` away from the reader's screen. These are
 * escaped as \uXXXX too. They can only occur inside string literals, so
 * replacing them in the serialised text cannot touch the JSON structure.
 */
const unsafeInJson = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeJsonText(json: string): string {
	return json.replace(unsafeInJson, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One value as one line of JSON, with the extra escapes. */
export function jsonLine(value: unknown): string {
	return escapeJsonText(JSON.stringify(value));
}

/** Pretty JSON (exports), with the same escapes. */
export function jsonPretty(value: unknown): string {
	return escapeJsonText(JSON.stringify(value, null, '\t'));
}
