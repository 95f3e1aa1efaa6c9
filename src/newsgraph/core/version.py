"""The versions newsgraph writes down: the package's (``pyproject.toml`` reads it from here) and the
extractors'.

:data:`EXTRACTOR_VERSION` is stored with every document whose facts were extracted
(``documents.extractor_version``). Raise it by one whenever a change to the extractors or their
lexicons changes the facts they find; ``newsgraph reprocess --version-below N`` then re-extracts the
documents written by older extractors, and ingesting a page again re-extracts its documents.
"""

__version__ = "0.1.0"

# 1: the extractors of 2026-12-06 (the version the column was introduced with).
# 2: event coding (home sides of unsaid targets, claims that accuse, one event per named side, races,
#    orders to attack), persons' country from the office-holder table and the document's country,
#    organizations without laws, glued person names, the publisher's own name or transcript labels.
# 3: nominations, acquittals, releases, attacks named as a killing's subject, announced intentions, attacks in
#    words, the country of unnamed police, courts and officials.
# 4: event coding (concessions to the home polity, deals between named sides, undergone and reported
#    judgements, harsh-criticism verbs, offers of aid as AGREE, modality of light verbs, "until", votes),
#    quotes as one record per quotation, stances (offices that speak for a country, enactments, issue
#    labels that name a thing), persons' and organizations' precision rules of that day.
# 5: allegations, quoted praise, transcripts' answerers, promises, penalties, states of emergency, parser repairs.
# 6: event coding from the codebook's examples beyond CAMEO's object lists (round up, slap sanctions, sit-ins,
#    shutdowns, tariffs, walkouts, storming, dispersal, persona non grata, refusals as REJECT, willingness as
#    AGREE), reported pronouns as their reporter, datelines, agentless deployments; the sixth session's
#    quotes, persons, organizations and stances rules.
# 7: the rest of that session's rules (two sides of a story, unnamed groups of its leading country, US states,
#    dates as no prepositions, agreeing with a view, public feelings, interview consent, and its persons',
#    organizations', quotes' and stances' rules landed after version 6).
# 8: the seventh session's rules: act nouns answered by the act of another side ("rejected the criticism"),
#    purposes of force, warnings of reprisals and of acts to come, denials answering accusations, emergency help,
#    natural hazards as no sides, mediation between a story's two sides, particles read otherwise, a country's
#    name tagged as a person; persons' countries from their context and office holders since 2017; stance cues.
# 9: a dateline's wire credit ("(Reuters) -") is the page's source, no organization of the story; names listed after
#    an area word ("the provinces of X and Y") are places.
# 10: the eighth session's rules: bodies of intergovernmental organizations and their officials of no country
#    ("EU leaders", "the bloc", "the agency"), officers and guards by the story's words, words "from" a side, what
#    a told act draws, datelines as a mention of their country, money and help given or pledged, conditional
#    threats, solidarity, force posture, recalls and cut-offs, releases asked of their holder, "the two", accidents'
#    tolls; issue 11's organizations' precision (portfolios, places by their words, honours, parties' names),
#    persons' first names, and stances (blocked issues reversed, states' events as positions, release as an issue).
# 11: the ninth session's rules: a country named in several words counts once, long datelines, capitals tagged as
#    organizations, armed groups named since 2017, weapons as the force that fires them, the two sides a target
#    names, pronouns (a singular "it", "them" of a number, a person named by a title alone), envoys in a capital,
#    promised responses, donors' and promised help, orders, closures, denials, suspensions, emergency transport,
#    protest nouns named in general; issue 11's roles, persons' and organizations' countries and stances rules.
# 12: the tenth session's rules: stated refusals, fire exchanged and accusations traded each way, forces offered to
#    help, judged and regretted acts aimed at their doers, dismay told in the passive, the story's other country
#    as the side an act names none of, envoys declared persona non grata, threats told as what will come,
#    relief handed out, complaints lodged with a forum, abstentions as none; issue 11's stance rules (calls to
#    undo, concern, neutral offers, stopped issues reversed, silence told in words) and regional datelines.
# 13: the eleventh session's rules: conditional warnings as threats, scheduled and dependent acts not done,
#    allegations' content only alleged, casualties of fighting just told, a foreign actor's unsaid side in a
#    story about one country, "the two governments", Chad, Jordan and Congo as countries, names cut short,
#    acronyms of bodies, quoted dismay, speech acts hung on a reported clause, "this" judged as the act just told,
#    gatherings outside a building, dismissed words, material help in measures, freed by their captors, thanks,
#    "expected X to", "Brussels" for the Union; issue 11's quotes, stances and persons' country rules.
# 14: the twelfth session's rules: verbless sentences' main verbs, acronyms tagged as nouns, country names of
#    several untagged words, an international body's officials by "its", offers to mediate, "described X as
#    illegal", summoned high commissioners, suspended money, dissolved parties, defended acts, dismissed rulings,
#    crowd-control weapons, "no" on the object, courses only floated, blame laid on the weather, confidence in a
#    side; issue 11's persons' country and stance rules.
# 15: the thirteenth session's rules: people named by agent nouns no table lists, names parsed as a verb's
#    conjunct, crowds and vehicles stopped, cleared or towed, country names with an "and", envoys acted on by the
#    other country, condemnations in a quotation's own words, marches on a country's building, missions of no
#    country, acts after a quotation's close, readiness as an offer, lawsuits, blockades, protests' demands as
#    requests, charges a side denies; issue 11's persons' organization, places' and stance rules.
# 16: the fourteenth session's rules: acts ordered of one's agents as the orderer's, protests announced under a
#    condition as threats, persons freed, walkouts and shuttered shops as strikes, the two sides of an act just
#    told, a third country's call on both sides, things refused in a two-country story, forces of the leading
#    country, threats aimed at the country their act names, shared targets of a concern and a call, anonymity as
#    no request, custody and border coercion, relief delivered, surrenders as cooperation, bodies of the event-data
#    table; issue 11's organizations (whole names, buildings as places) and stance rules.
# 17: the fifteenth session's rules: a call on conjoined sides as a request to each, police of the place an
#    arrest is made, people "from both sides" and their targetless acts toward each other, "both sides" and "them"
#    as the story's two sides, readiness to help offered to the helped, crowd control told as a dispersal, dismay
#    in quotation marks, invitations to talks as intent to meet, working people's strikes, "hope" lemmatized right
#    (a hope is no deed), reprisals promised in a state's quoted words, hyphenated country names, the host's
#    government called on by a foreign state, international bodies and state news agencies added to organizations.tsv,
#    cities the tagger read as organizations' words, prisoner exchanges each way, ministers withdrawn; issue 11's
#    quotes and stance rules (stance_fallback.py, enactments).
# 18: the sixteenth session's rules: planned acts called off, planned or possible acts named by a noun, "too early
#    to blame", a vote or bill "to" act as only proposed, acts told of no occasion (gerund subjects, present-tense
#    relative clauses of bare plurals), facts denied with no charge told; courts suspending or striking down acts,
#    leaders ousted, citizenship stripped, money withheld, ships boarded or held, people dragged away or held on
#    suspicion; threats of reviewed cooperation, court challenges, strikes to be called, readiness to use force,
#    reprisals in the passive; "what X did" and "it" judged as an act; things judged by a foreign side as the story's
#    country's, things asked of both sides, home groups of no country, statements whose relative clause acts, a
#    country's own body named like an international one, help sent to assist, marches tried, capitals named "X of Y",
#    "the country's", more currency names; issue 11's stance issues and persons' organizations.
# 19: the seventeenth session's rules: a dateline on its own line opens the body; datelines with their date between
#    two dashes; talks hosted "between X and Y"; home groups asking their own government; untagged proper names
#    keep their compounds; an act noun told by its own verb; the place of a meeting is a venue; "both sides" asked
#    by a host are the two sides told; denials of hearsay or wrongdoing are statements; rumours' content is hearsay;
#    what a speaker did not say is not told; tallies over years; a part of a body acts for it; presidencies, faiths
#    and peoples as sectors; airspace closed to another's aircraft, internet suspended or restored, sealing,
#    impounding, pressing and pushing for, pepper spray, more words of contempt, stated non-acceptance; issue 11's
#    persons' country (datelines in title case, bodies named before, portfolios before names) and stance rules.
EXTRACTOR_VERSION = 19
