"""English word lists for analysis and query reading, kept as data.

General English and the register of UN meetings coverage; nothing here is about one
release. Used by the analyzers (stop words, irregular forms) and by the reading of plain
questions (synonyms: the words people type for the words releases use).
"""

from __future__ import annotations

# Function words, and the words of a question ("what did X say about…") that never carry its topic.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any anyone anything are around as at
    be been before being below between both but by can could did do does doing done during each
    either else ever every few for from further get gets getting got had has have having he her
    here hers herself him himself his how however i if in into is it its itself just me more most
    much many my myself no nor not now of off on once only or other others our ours ourselves out
    over own per same say says said saying she should so some someone something such tbd than that
    the their theirs them themselves then there these they this those through thus to too told tell
    tells under until up upon us very was we were what whatever when where whether which while who
    whom whose why will with within without would yet you your yours yourself
    talk talked talks talking mention mentioned mentions
    anybody somebody everyone everybody
    don't doesn't didn't isn't aren't wasn't weren't won't can't cannot couldn't shouldn't wouldn't
    haven't hasn't hadn't mustn't needn't it's i'm you're we're they're that's there's""".split()
)

# Irregular forms mapped to the form their regular relatives stem like (index and query alike).
IRREGULAR = {
    "children": "child",
    "women": "woman",
    "men": "man",
    "people": "person",
    "peoples": "person",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "lives": "life",
    "wives": "wife",
    "gave": "give",
    "given": "give",
    "made": "make",
    "took": "take",
    "taken": "take",
    "went": "go",
    "gone": "go",
    "came": "come",
    "became": "become",
    "began": "begin",
    "begun": "begin",
    "brought": "bring",
    "bought": "buy",
    "sold": "sell",
    "thought": "think",
    "sought": "seek",
    "taught": "teach",
    "caught": "catch",
    "fought": "fight",
    "held": "hold",
    "kept": "keep",
    "left": "leave",
    "lost": "lose",
    "met": "meet",
    "paid": "pay",
    "sent": "send",
    "spent": "spend",
    "stood": "stand",
    "understood": "understand",
    "won": "win",
    "wrote": "write",
    "written": "write",
    "chose": "choose",
    "chosen": "choose",
    "fled": "flee",
    "grew": "grow",
    "grown": "grow",
    "knew": "know",
    "known": "know",
    "led": "lead",
    "ran": "run",
    "saw": "see",
    "seen": "see",
    "stole": "steal",
    "stolen": "steal",
    "found": "find",
    "built": "build",
    "broke": "break",
    "broken": "break",
    "fell": "fall",
    "fallen": "fall",
    "forgot": "forget",
    "forgotten": "forget",
    "hid": "hide",
    "hidden": "hide",
    "rose": "rise",
    "risen": "rise",
    "shook": "shake",
    "shot": "shoot",
    "struck": "strike",
    "swore": "swear",
    "threw": "throw",
    "thrown": "throw",
    "wore": "wear",
    "better": "good",
    "best": "good",
    "worse": "bad",
    "worst": "bad",
}

# Plain words people type → the words meetings coverage uses for them. Expansions are
# searched beside the typed word, at a lower weight (see untrack.search).
SYNONYMS = {
    "kid": ("child",),
    "kids": ("children",),
    "child": ("minor",),
    "youngster": ("child",),
    "cop": ("police",),
    "cops": ("police",),
    "policeman": ("police",),
    "officer": ("police",),
    "bribe": ("corruption",),
    "bribes": ("corruption",),
    "bribery": ("corruption",),
    "corrupt": ("corruption",),
    "jail": ("prison",),
    "jailed": ("imprisoned",),
    "prison": ("detention",),
    "judge": ("judicial",),
    "judges": ("judicial",),
    "court": ("judicial",),
    "lawyer": ("legal",),
    "lawyers": ("legal",),
    "law": ("legislation", "legal"),
    "laws": ("legislation",),
    "sex work": ("prostitution",),
    "sex worker": ("prostitution",),
    "prostitute": ("prostitution",),
    "internet": ("online", "technologies"),
    "online": ("internet", "technologies"),
    "web": ("online",),
    "money": ("funds", "funding", "financial"),
    "cash": ("funds",),
    "funds": ("money",),
    "give": ("donate", "contribute", "pledge"),
    "gave": ("donated", "contributed", "pledged"),
    "donate": ("contribute", "pledge"),
    "donated": ("contributed", "pledged", "announced"),
    "donation": ("contribution", "pledge", "grant"),
    "donations": ("contributions", "pledges", "grant"),
    "help": ("assistance", "support"),
    "aid": ("assistance",),
    "poor": ("poverty",),
    "job": ("employment", "labour"),
    "jobs": ("employment", "labour"),
    "work": ("labour",),
    "worker": ("labour",),
    "workers": ("labour",),
    "labor": ("labour",),
    "company": ("business", "corporation"),
    "companies": ("businesses", "corporations", "private sector"),
    "firm": ("business",),
    "firms": ("businesses",),
    "business": ("private sector",),
    "country": ("delegation",),
    "countries": ("delegations", "representatives"),
    "government": ("state",),
    "un": ("united nations",),
    "fight": ("combat",),
    "fighting": ("combating",),
    "stop": ("end", "prevent", "combat"),
    "stopping": ("ending", "preventing", "combating"),
    "red tape": ("bureaucracy",),
    "bureaucracy": ("red tape",),
    "straight": ("directly",),
    "passport": ("documents",),
    "passports": ("documents",),
    "papers": ("documents",),
    "fake": ("false", "fraudulent"),
    "stay": ("residence",),
    "send back": ("return",),
    "sent back": ("return",),
    "home": ("origin",),
    "abroad": ("overseas",),
    "numbers": ("statistics", "figures", "data"),
    "number": ("figure",),
    "stats": ("statistics",),
    "rule": ("regulation",),
    "rules": ("regulations",),
    "ban": ("prohibit",),
    "banned": ("prohibited",),
    "girls": ("women",),
    "boys": ("children",),
    "slaves": ("slavery",),
    "slave": ("slavery",),
    "earn": ("profits",),
    "earnings": ("profits",),
    "profit": ("earning",),
    "victim": ("survivor",),
    "survivor": ("victim",),
    "punish": ("criminalize", "prosecute"),
    "punishes": ("criminalizes",),
    "punished": ("criminalized", "prosecuted"),
    "arrest": ("prosecution",),
    "migrants": ("migration",),
    "refugee": ("asylum",),
    "vote": ("voting",),
    "meeting": ("session",),
    "speech": ("statement",),
    "remarks": ("statement",),
    "rehab": ("rehabilitation",),
    "kidnap": ("abduct",),
    "kidnapped": ("abducted", "stolen"),
    "join": ("sign",),
    "joined": ("signed",),
    "testify": ("testimony", "witness"),
    # Roles and bodies as people name them, and as UN releases title them.
    "head": ("director", "chair", "president"),
    "chief": ("director", "head", "chair"),
    "boss": ("director", "head"),
    "leader": ("director", "president", "head"),
    "executive": ("director", "president"),
    "agency": ("organization", "office"),
    "agencies": ("organizations", "entities"),
    "envoy": ("representative", "ambassador"),
    "expert": ("rapporteur",),
    "together": ("cooperation", "coordination"),
    "make money": ("earn", "profit"),
    # Countries as people call them, and as the UN lists them.
    "russia": ("russian federation",),
    "britain": ("united kingdom",),
    "uk": ("united kingdom",),
    "usa": ("united states",),
    "america": ("united states",),
    "iran": ("islamic republic of iran",),
    "syria": ("syrian arab republic",),
    "korea": ("republic of korea",),
    "vietnam": ("viet nam",),
    "bolivia": ("plurinational state of bolivia",),
    "venezuela": ("bolivarian republic of venezuela",),
    "tanzania": ("united republic of tanzania",),
    "moldova": ("republic of moldova",),
    "laos": ("lao people's democratic republic",),
    "makes money": ("earns", "profits"),
}

# The 193 Member States and the two observer States, as meetings coverage names them (the
# short forms it uses beside the formal ones). "Which countries …?" questions prefer paragraphs
# that name some.
STATES = tuple(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
    Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
    Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|
    Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|
    Colombia|Comoros|Congo|Costa Rica|Côte d'Ivoire|Côte d’Ivoire|Croatia|Cuba|Cyprus|Czech Republic|
    Czechia|Democratic People's Republic of Korea|Democratic Republic of the Congo|Denmark|Djibouti|
    Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|
    Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|
    Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|
    Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|
    Lao People's Democratic Republic|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
    Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|
    Mexico|Micronesia|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|
    Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Palau|Panama|
    Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Republic of Korea|
    Republic of Moldova|Romania|Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|
    Saint Vincent and the Grenadines|Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|
    Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|
    South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Syrian Arab Republic|
    Tajikistan|Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|
    Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United Republic of Tanzania|
    United States|Uruguay|Uzbekistan|Vanuatu|Venezuela|Viet Nam|Yemen|Zambia|Zimbabwe|Holy See|
    State of Palestine|Palestine""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
