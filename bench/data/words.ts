/**
 * Vocabulary for an invented story: a storm ("Halvard") reaching an invented
 * coastline. Written for this bench; no sentence is taken from a news site.
 */
export const places = [
	'Kessford', 'Marrowick', 'Dunhallow Bay', 'Eastwater', 'Port Linden', 'Saltmere', 'Caddon Ridge',
	'Orrin Valley', 'Brightholm', 'the Tarrow estuary', 'North Fen', 'Gullstone',
] as const;

export const people = [
	'Mayor Ilse Varga', 'Chief Forecaster Tomas Reyne', 'Councillor Ada Okafor', 'Fire Officer Bram Dekker',
	'Dr Noor Haddad', 'Harbourmaster Lewin Sato', 'Minister Clara Velt', 'Volunteer Jun Ishida',
] as const;

export const authors = ['Mara Quill', 'Owen Tallis', 'Priya Ranganath', 'Felix Amberley', 'Sun Yiling', 'Élodie Marchetti'] as const;

export const subjects = [
	'the river level', 'the coastal road', 'the evacuation centre', 'the power company', 'the ferry service',
	'the regional hospital', 'the school board', 'rescue crews', 'the rail operator', 'the weather service',
	'emergency volunteers', 'the water utility', 'residents on the seafront', 'the port authority',
] as const;

export const verbs = [
	'has confirmed', 'is warning', 'now expects', 'has asked residents about', 'reported', 'is monitoring',
	'has reopened', 'has closed', 'will review', 'has restored', 'is still assessing', 'has updated',
] as const;

export const objects = [
	'gusts of up to 140 km/h', 'a second high tide after midnight', 'fallen lines near the old mill',
	'three shelters with spare beds', 'sandbag points at the town hall', 'minor flooding on Quay Street',
	'a temporary bridge for pedestrians', 'delays of around 90 minutes', 'the outage affecting 12,400 homes',
	'the amber warning for the northern districts', 'fuel supplies for generators', 'the closure of two tunnels',
] as const;

export const tails = [
	'according to an update shortly after the briefing', 'with further details expected within the hour',
	'though officials stressed the picture is changing quickly', 'and crews are working through the night',
	'as the wind began to ease in the south', 'while the rain band moves slowly east',
	'after a difficult few hours for people living near the water', 'but warned against unnecessary travel',
] as const;

export const quotes = [
	'We are asking everyone to stay away from the sea wall until the tide turns.',
	'The next six hours matter most; after that we expect a steady improvement.',
	'Our teams have reached every street on the list, and nobody has been reported missing.',
	'Please check on elderly neighbours if it is safe to do so.',
	'We have never had to open this many shelters at once, and they are coping well.',
] as const;

/** Short original lines in other scripts, so widths and decoding are exercised. */
export const multilingual = [
	'市民の皆さんは高台へ避難してください。',
	'港の防波堤は持ちこたえています。',
	'风暴将在今晚减弱。',
	'폭풍이 북쪽으로 이동하고 있습니다.',
	'Les écoles resteront fermées jeudi.',
	'Die Fähre nach Gullstone fährt wieder ab 7 Uhr.',
] as const;

export const emoji = ['🌊', '⚠️', '🚧', '🔦', '🚒', '⛈️', '👩‍🚒', '🇪🇺'] as const;

export const headlines = [
	'Tide peaks without breaching the harbour wall', 'Shelters open across the northern districts',
	'Power restored to most of Port Linden', 'Coastal road closed after landslip', 'Ferries cancelled until morning',
	'Hospital switches to backup generators', 'Rescue crews reach cut-off farms', 'Schools to stay shut tomorrow',
	'Wind warning extended to Saturday', 'Rail line reopens between Kessford and Saltmere',
	'Residents allowed back into Quay Street', 'Volunteers fill 8,000 sandbags in a day',
] as const;
