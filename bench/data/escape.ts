export function xmlText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(text: string): string {
	return xmlText(text).replace(/"/g, '&quot;');
}

/** CDATA cannot contain `]]>`; split it across two sections where it occurs. */
export function cdata(text: string): string {
	return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** JSON for inside an HTML <script>: `</script>` and `<!--` must not appear. */
export function scriptJson(value: unknown, space?: number): string {
	return JSON.stringify(value, null, space).replace(/<\//g, '<\\/').replace(/<!--/g, '<\\!--');
}

export function iso(ms: number): string {
	return new Date(ms).toISOString();
}
