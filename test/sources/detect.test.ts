import {describe, expect, it} from 'vitest';
import {detectFormat, xmlRootName} from '../../src/sources/detect.js';

const url = 'https://example.test/x';

function detect(text: string, contentType: string | null = null): string {
	return detectFormat({url, contentType, text});
}

describe('detectFormat', () => {
	it.each([
		['<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', null, 'rss'],
		['\uFEFF  \n<!-- hi --><rss><channel/></rss>', 'text/html', 'rss'],
		['<?xml version="1.0"?><?xml-stylesheet href="x"?><feed xmlns="http://www.w3.org/2005/Atom"/>', null, 'atom'],
		['<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>', null, 'atom'],
		['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', 'application/rss+xml', 'rdf'],
		['<!DOCTYPE html><html><head></head></html>', 'text/html', 'html'],
		['<!doctype html>\n<title>x</title>', null, 'html'],
		['<div>fragment</div>', null, 'html'],
		['<channel><title>odd</title></channel>', 'application/rss+xml', 'rss'],
		['<channel><title>odd</title></channel>', null, 'unknown'],
		['{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'application/json', 'jsonfeed'],
		['\n{"version":"1.1","items":[]}', null, 'jsonfeed'],
		['{"response":{"status":"ok","content":{"id":"x"}}}', 'application/json', 'guardian-api'],
		['{"response":{"status":"ok","results":[]}}', 'application/json', 'unknown'],
		['{"broken": ', 'application/feed+json', 'unknown'],
		['plain words', 'text/plain', 'unknown'],
		['', null, 'unknown'],
	])('%j (%s) is %s', (text, contentType, expected) => {
		expect(detect(text, contentType)).toBe(expected);
	});
});

describe('xmlRootName', () => {
	it('skips the prolog and reads a prefixed root', () => {
		expect(xmlRootName('<?xml version="1.0"?>\n<!-- c --><!DOCTYPE rss SYSTEM "x"><rss/>')).toBe('rss');
		expect(xmlRootName('<rdf:RDF>')).toBe('rdf:RDF');
		expect(xmlRootName('<!-- never closed')).toBeNull();
	});
});
