/**
 * The demo live blog: Storm Ilse reaching the (fictional) Marren coast. All
 * names, places, agencies and quotes are invented for this program; links
 * point at example.org. Bodies are HTML so the demo exercises the same
 * HTML-to-body path as a real feed: paragraphs, a list, quotes, a figure, links.
 */

export type DemoPost = {
	readonly id: string;
	readonly title: string | null;
	readonly author: string;
	readonly keyEvent: boolean;
	readonly pinned: boolean;
	readonly html: string;
};

export const demoBlog = {
	id: 'world/live/storm-ilse-marren-coast-landfall',
	title: 'Storm Ilse live: hurricane-force winds reach the Marren coast',
	standfirst:
		'Live coverage as Storm Ilse makes landfall near Port Calder: evacuations, power cuts, the ferry shutdown and what comes next. This is a demo with invented events.',
	webUrl: 'https://example.org/live/storm-ilse',
} as const;

const nadia = 'Nadia Okonkwo-Lind';
const tomas = 'Tomás Reyes';
const priya = 'Priya Halvorsen';
const ewan = 'Ewan MacAllister';

function post(id: number, author: string, title: string | null, html: string, flags: {keyEvent?: boolean; pinned?: boolean} = {}): DemoPost {
	return {id: `ilse-${String(id).padStart(3, '0')}`, title, author, keyEvent: flags.keyEvent ?? false, pinned: flags.pinned ?? false, html};
}

/** In publication order. The first `demoInitialCount` are already up when the demo starts. */
export const demoPosts: readonly DemoPost[] = [
	post(
		0,
		nadia,
		'What we know so far',
		`<p>Storm Ilse is expected to make landfall on the Marren coast this evening. The essentials:</p>
<ul><li>A red wind warning covers the coast from Kestrel Point to Brannock Bay until 06:00 tomorrow.</li>
<li>About 14,000 people have been asked to leave low-lying streets in Port Calder and Ardmoor.</li>
<li>All Hollin Island ferries are cancelled; the Selvin bridge closes to high-sided vehicles at 18:00.</li>
<li>Shelters are open at the Calder Sports Hall, St Brenna's School and the Ardmoor Corn Exchange.</li></ul>
<p>Official warnings: <a href="https://example.org/marren-met/warnings">Marren Meteorological Office</a>.</p>`,
		{pinned: true, keyEvent: true},
	),
	post(
		1,
		nadia,
		null,
		`<p>Good afternoon and welcome to our live coverage of Storm Ilse. I'm Nadia Okonkwo-Lind, and I'll be with you through the evening alongside our reporters on the coast, Tomás Reyes in Port Calder and Ewan MacAllister in Ardmoor.</p>`,
	),
	post(
		2,
		priya,
		'Red warning issued for the whole coast',
		`<p>The Marren Meteorological Office has raised its warning to red, its highest level, for the entire stretch from Kestrel Point to Brannock Bay.</p>
<p>Forecasters expect gusts of 130–150 km/h on exposed headlands and a storm surge of up to 1.8 metres at high tide, which falls at 21:40.</p>`,
		{keyEvent: true},
	),
	post(
		3,
		tomas,
		null,
		`<p>In Port Calder the harbour wall is already taking spray over the top. Shop owners on Quay Street spent the morning stacking sandbags; the baker on the corner says she has never closed before dark in twenty-two years.</p>`,
	),
	post(
		4,
		ewan,
		null,
		`<p>Ardmoor's evacuation is going more slowly than the council hoped. Officers are knocking on doors along the river terraces, and many older residents are reluctant to leave their pets behind. The Corn Exchange shelter says animals in carriers are welcome.</p>`,
	),
	post(
		5,
		priya,
		null,
		`<p>The coastguard says three fishing boats that were still at sea this morning have now reached shelter in Brannock Bay. All crews are accounted for.</p>`,
	),
	post(
		6,
		nadia,
		'Schools and the university close tomorrow',
		`<p>Every school in the Marren and Selvin districts will stay closed tomorrow, the regional education office has confirmed. Marren University has cancelled lectures and exams and says students in seafront halls are being moved to the main campus.</p>`,
		{keyEvent: true},
	),
	post(
		7,
		tomas,
		null,
		`<blockquote><p>We've boarded up, we've moved the car up the hill, and now we wait. You can't argue with the sea.</p></blockquote>
<p>That's Aurelio Bassett, who runs the chandlery by the lifeboat station, speaking to me a few minutes ago.</p>`,
	),
	post(
		8,
		ewan,
		null,
		`<p>Wind has picked up sharply in the last half hour. The river in Ardmoor is running high and brown, and the footbridge by the mill has been closed with tape and a patrol car.</p>`,
	),
	post(
		9,
		priya,
		null,
		`<p>A reader asks whether tap water is safe to drink. The water company says supplies are unaffected for now, but recommends filling a few bottles in case pumping stations lose power overnight.</p>`,
	),
	post(
		10,
		nadia,
		null,
		`<p>The regional premier, Halvard Moen, has spoken to reporters at the emergency coordination centre:</p>
<blockquote><p>Please, if you have been told to leave, leave now. There will be a moment tonight when it is too late to change your mind, and we do not want anyone to meet it on the road.</p></blockquote>`,
	),
	post(
		11,
		tomas,
		null,
		`<p>The lifeboat crew in Port Calder has moved its inshore boat to the inner basin. The coxswain tells me they will launch tonight only for a risk to life.</p>`,
	),
	// The demo publishes the posts below one by one while it runs.
	post(
		12,
		nadia,
		'Ferry services to Hollin Island suspended until Thursday',
		`<p>Marren Ferries has extended its suspension: no sailings to or from Hollin Island until Thursday morning at the earliest. About 2,300 islanders are now cut off; the island's clinic and two shops say they have stocked up for a week.</p>`,
		{keyEvent: true},
	),
	post(
		13,
		ewan,
		null,
		`<p>Power flickering on the Ardmoor high street. The lights in the café I'm writing from have gone out twice in five minutes.</p>`,
	),
	post(
		14,
		priya,
		null,
		`<figure><img src="https://example.org/img/selvin-bridge.jpg" alt="Traffic queues at the Selvin bridge"><figcaption>Traffic queues at the Selvin bridge before it closed to high-sided vehicles. Illustration: demo data</figcaption></figure>
<p>The bridge operator says cars can still cross, at 30 km/h, but that could change within the hour.</p>`,
	),
	post(
		15,
		tomas,
		null,
		`<p>First big wave over the harbour wall in Port Calder. The water came across Quay Street ankle-deep and drained back within a minute, leaving seaweed on the pavement outside the post office.</p>`,
	),
	post(
		16,
		nadia,
		'About 9,000 homes without power',
		`<p>Marren Grid reports that about 9,000 homes have lost power, mostly around Kestrel Point and the northern edge of Ardmoor. Crews will not go up poles in winds above 90 km/h, so repairs are unlikely before morning.</p>
<p>The outage map is <a href="https://example.org/marren-grid/outages">here</a>.</p>`,
		{keyEvent: true},
	),
	post(
		17,
		ewan,
		null,
		`<p>A tree is down across the Ardmoor road near the golf club. Police say the road is blocked in both directions and ask drivers to use the coast road, which is still open, for now.</p>`,
	),
	post(
		18,
		priya,
		null,
		`<p>If you are trying to reach a relative in the evacuation zone, the council has opened a helpline. It asks callers to keep conversations short to leave lines free.</p>`,
	),
	post(
		19,
		tomas,
		null,
		`<p>Gusts strong enough now that I have to lean into them to stand still. The streetlights along the seafront are swinging, and the harbour master has ordered everyone off the pier.</p>`,
	),
	post(
		20,
		nadia,
		null,
		`<p>Here is how the storm's track has moved today, according to the Met Office's updates:</p>
<ol><li>This morning: centre expected to pass 40 km offshore.</li>
<li>Midday: track shifted east, landfall possible near Brannock Bay.</li>
<li>Latest: landfall most likely between Port Calder and Kestrel Point around 21:00.</li></ol>`,
	),
	post(
		21,
		ewan,
		null,
		`<p>The Corn Exchange shelter in Ardmoor now has 340 people and, by the volunteers' count, 41 dogs, 12 cats and one very calm tortoise.</p>`,
	),
	post(
		22,
		priya,
		'Rail services across the region stop for the night',
		`<p>Marren Rail has halted all trains west of Selvin Junction from 19:30. Passengers stranded at Port Calder station are being taken by bus to the Sports Hall shelter.</p>`,
		{keyEvent: true},
	),
	post(
		23,
		tomas,
		null,
		`<p>Roof tiles coming off a terrace on Chapel Row. Firefighters have cordoned off the street; nobody was hurt.</p>`,
	),
	post(
		24,
		nadia,
		null,
		`<p>A reminder of the shelters that are open tonight:</p>
<ul><li>Calder Sports Hall, Harbour Road (space for about 600)</li>
<li>St Brenna's School, Upper Calder (about 250)</li>
<li>Ardmoor Corn Exchange, Market Square (about 400)</li></ul>
<p>All three have bedding, hot food and phone charging.</p>`,
	),
	post(
		25,
		ewan,
		null,
		`<p>The river has come over its banks at the lower end of Mill Lane in Ardmoor. Water is about 20 cm deep outside the first few houses, all of which were evacuated this afternoon.</p>`,
	),
	post(
		26,
		tomas,
		'Storm Ilse makes landfall near Port Calder',
		`<p>The Marren Meteorological Office says the centre of Storm Ilse crossed the coast just west of Port Calder at 20:52, with a gust of 148 km/h measured at the Kestrel Point lighthouse.</p>
<p>It is the strongest gust recorded on this coast since the station opened in 1987.</p>`,
		{keyEvent: true},
	),
	post(
		27,
		nadia,
		null,
		`<p>The emergency coordination centre says it has had 212 calls since 18:00, most about fallen trees and loose roofing. Two people have been taken to hospital with minor injuries after a car was hit by a falling branch on the coast road.</p>`,
	),
	post(
		28,
		priya,
		null,
		`<blockquote><p>The next three hours are the dangerous ones. High tide and the strongest winds arrive together.</p></blockquote>
<p>That's Ingrid Solberg, the duty forecaster at the Met Office, on regional radio a moment ago.</p>`,
	),
	post(
		29,
		tomas,
		null,
		`<p>It is very hard to see anything on the seafront now: the spray is horizontal and the streetlights have gone out along the whole of Harbour Road.</p>`,
	),
	post(
		30,
		ewan,
		null,
		`<p>The coast road between Ardmoor and Port Calder is now closed too, after a section near Gull Cove was covered by shingle thrown up by the waves.</p>`,
	),
	post(
		31,
		nadia,
		'Power cuts rise to 31,000 homes',
		`<p>Marren Grid now says about 31,000 homes are without power, including most of Port Calder. It has brought in 60 extra engineers from the east of the country to start work at first light.</p>`,
		{keyEvent: true},
	),
	post(
		32,
		priya,
		null,
		`<p>High tide has passed at Brannock Bay. The harbour master there says the sea came within a hand's width of the top of the wall but did not breach it.</p>`,
	),
	post(
		33,
		tomas,
		null,
		`<p>The wind is still fierce but the gusts are further apart. People are starting to come to their doors on Chapel Row to look at the damage by torchlight.</p>`,
	),
	post(
		34,
		ewan,
		null,
		`<p>Volunteers at the Corn Exchange are handing out soup and blankets. One of them, a retired teacher called Morag Dunlevy, tells me she has done three storms here and "this one wins".</p>`,
	),
	post(
		35,
		nadia,
		'Red warning downgraded to amber',
		`<p>The Met Office has downgraded its warning to amber for the western half of the coast as the storm moves inland and weakens. The red warning stays in place for Brannock Bay until 03:00.</p>`,
		{keyEvent: true},
	),
	post(
		36,
		priya,
		null,
		`<p>Useful links for tonight and tomorrow:</p>
<ul><li><a href="https://example.org/marren-met/warnings">Weather warnings</a></li>
<li><a href="https://example.org/marren-grid/outages">Power outage map</a></li>
<li><a href="https://example.org/marren-roads">Road closures</a></li></ul>`,
	),
	post(
		37,
		tomas,
		null,
		`<p>A first look at Quay Street: two shopfronts have lost their windows, a bench has been lifted off its bolts, and the harbour is full of floating crates. But the wall held.</p>`,
	),
	post(
		38,
		nadia,
		null,
		`<p>Thank you for all your messages tonight. Many of you have written in from the shelters; one reader in the Sports Hall says the children there have organised a drawing competition, theme: "the storm".</p>`,
	),
	post(
		39,
		nadia,
		'We are pausing our live coverage',
		`<p>That's where we'll pause our live coverage for the night. Storm Ilse is weakening as it moves inland, but the amber warning remains and the clean-up will take days.</p>
<p>We'll be back from 07:00 with the damage by daylight. Stay safe.</p>`,
		{keyEvent: true},
	),
];

/** Posts already up when the demo starts. */
export const demoInitialCount = 12;

/** The edit the demo makes to an earlier post, and when (after which post appears). */
export const demoEdit = {
	postId: 'ilse-005',
	afterPost: 17,
	html: `<p>The coastguard says four fishing boats, not three as it first said, were still at sea this morning; all have now reached shelter in Brannock Bay. All crews are accounted for.</p>
<p><em>This post was corrected after the coastguard updated its count.</em></p>`,
} as const;
