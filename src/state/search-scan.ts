/**
 * One filter over a blog, run only as far as it has been asked to. While a
 * query is typed the pane needs the first screen of matches on each key,
 * not all of them: scanning 5,000 bodies per character cost more than the
 * frame. The rest is found later, in slices, or at once when asked for.
 *
 * A scan that extends an earlier query (typing "kim" after "ki") starts from
 * what that one decided: its matches below its frontier, then the blog from
 * there on. Every blog position below a scan's frontier has been decided,
 * and `at` holds exactly the matches among them, in ascending order.
 */
import type {Entry} from '../model/blog.js';

let examined = 0;

/** Test hook: how many entries all scans have tested so far. */
export function entriesExamined(): number {
	return examined;
}

export class Scan {
	/** Blog positions of the matches found so far, ascending. */
	readonly at: number[] = [];
	readonly entries: Entry[] = [];
	/** Next index into `inherited`, then `next` is the next blog position. */
	private k = 0;
	private next: number;
	private finished = false;

	/**
	 * @param inherited an earlier scan's matches; only the first `inheritedCount` are this scan's candidates
	 * @param frontier where the earlier scan stopped deciding; blog positions from here on are all candidates
	 */
	constructor(
		private readonly all: readonly Entry[],
		private readonly test: (entry: Entry) => boolean,
		private readonly inherited: readonly number[],
		private readonly inheritedCount: number,
		frontier: number,
	) {
		this.next = frontier;
	}

	get done(): boolean {
		return this.finished;
	}

	/** The first blog position not yet decided. */
	frontier(): number {
		if (this.k < this.inheritedCount) return this.inherited[this.k]!;
		return this.finished ? this.all.length : this.next;
	}

	/** Starts a scan for a query that only matches entries this one matches. */
	narrowed(test: (entry: Entry) => boolean): Scan {
		return new Scan(this.all, test, this.at, this.at.length, this.frontier());
	}

	/**
	 * Tests candidates until `wanted` matches are known, `budget` candidates
	 * have been tested, or none are left. Returns whether the scan is done.
	 */
	advance(wanted: number, budget = Number.POSITIVE_INFINITY): boolean {
		const {all, test, inherited, inheritedCount, at, entries} = this;
		for (let left = budget; !this.finished && entries.length < wanted && left > 0; left--) {
			let i: number;
			if (this.k < inheritedCount) i = inherited[this.k++]!;
			else if (this.next < all.length) i = this.next++;
			else {
				this.finished = true;
				break;
			}
			examined++;
			const entry = all[i]!;
			if (test(entry)) {
				at.push(i);
				entries.push(entry);
			}
		}
		// The last candidate tested may have been the last one.
		if (!this.finished && this.k >= inheritedCount && this.next >= all.length) this.finished = true;
		return this.finished;
	}
}
