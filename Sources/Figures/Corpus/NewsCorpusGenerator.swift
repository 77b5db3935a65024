/// Writes one article: a headline, an optional header or dateline, and paragraphs of sentences,
/// some carrying claims (recorded with their byte ranges as they are written), some carrying
/// figures that are not claims, most carrying none.
struct ArticleGenerator {
    typealias V = CorpusVocabulary
    typealias Gold = NewsCorpus.GoldClaim

    var rng: CorpusRandom
    let index: Int
    let density: NewsCorpus.Density
    let theatre: V.Theatre
    let published: Day
    let outlet: String
    /// The article's own death toll and number displaced, so that its figures roughly agree.
    let toll: Int
    let uprooted: Int

    private var text: [UInt8] = []
    private var claims: [Gold] = []
    var figures = 0
    private var paragraphs = 0
    private var sentence = SentenceBuffer()

    init(seed: UInt64, index: Int, density: NewsCorpus.Density) {
        var rng = CorpusRandom(seed: seed, index: index)
        self.index = index
        self.density = density
        self.theatre = rng.pick(V.theatres)
        let latest = Day(year: 2025, month: 12, day: 31)!.ordinal
        let earliest = theatre.start.ordinal + 45
        self.published = Day(ordinal: rng.int(earliest...max(earliest, min(latest, earliest + 700))))
        self.outlet = rng.pick(V.outlets)
        self.toll = rng.int(theatre.tolls)
        self.uprooted = rng.int(theatre.uprooted)
        self.rng = rng
    }

    mutating func generate() -> NewsCorpus.Article {
        let id = String(index).zeroPadded(to: 7) + "_" + rng.hex()
        text.reserveCapacity(density == .dense ? 6_000 : 9_000)
        if rng.below(6) == 0 {
            text.append(contentsOf: "date \(published.iso)\n\n".utf8)
            figures += 1
        }
        headline()
        let count = density == .dense ? rng.int(6...12) : rng.int(8...16)
        // Sparse: a figure in roughly one paragraph of four, and at least one per article.
        let figureParagraph = rng.below(count)
        for p in 0..<count {
            text.append(contentsOf: "\n\n".utf8)
            if p == 0 { opening() }
            switch density {
            case .dense:
                let sentences = rng.int(2...4)
                for s in 0..<sentences {
                    if s > 0 { space() }
                    let roll = rng.below(10)
                    if roll < 5 { claimSentence() } else if roll < 8 { figureSentence() } else { plainSentence() }
                }
            case .sparse:
                let sentences = rng.int(3...5)
                let withFigure = p == figureParagraph || rng.chance(0.1) ? rng.below(sentences) : -1
                for s in 0..<sentences {
                    if s > 0 { space() }
                    if s == withFigure {
                        if rng.chance(0.6) { claimSentence() } else { figureSentence() }
                    } else {
                        plainSentence()
                    }
                }
            }
            paragraphs += 1
        }
        if density == .sparse && rng.chance(0.2) { footer() }
        text.append(0x0A)
        return NewsCorpus.Article(id: id, text: String(decoding: text, as: UTF8.self), published: published,
                                  outlet: outlet, claims: claims, paragraphs: paragraphs, figures: figures)
    }

    // MARK: - Article parts

    private mutating func headline() {
        let place = rng.pick(theatre.places)
        if density == .dense && rng.chance(0.6) {
            let (killer, verb) = rng.pick([("Strikes", "kill"), ("Shelling", "kills"), ("Drone attack", "kills"),
                                           ("Overnight raids", "leave"), ("Bombardment", "leaves")])
            let amount = number(rng.int(3...90), words: false)
            sentence.add("\(killer) \(verb) ")
            let from = sentence.mark
            sentence.add(amount.text)
            if verb.hasPrefix("leave") { sentence.add(" dead") }
            sentence.claim(from: from, category: "killed", amount: amount, population: nil, refersTo: nil)
            sentence.add(" in \(place) as \(rng.pick(["truce talks stall", "mediators push for a deal", "aid dwindles", "fighting spreads"]))")
            flush(capitalize: false)
        } else {
            sentence.add(rng.pick(["Mediators press for truce as talks resume in", "Families wait for news in",
                                   "Aid agencies warn of famine in", "Fighting rages around", "Residents flee"]))
            sentence.add(" \(place)")
            flush(capitalize: false)
        }
    }

    /// A dateline ("RAFAH, April 27 (Outlet) — ") before the first sentence, sometimes.
    private mutating func opening() {
        switch rng.below(3) {
        case 0:
            let place = rng.pick(theatre.places).uppercased()
            let day = Dates.date(published, style: rng.below(3), year: rng.chance(0.5))
            text.append(contentsOf: "\(place), \(day) (\(outlet)) — ".utf8)
            figures += 1
        default:
            break
        }
    }

    private mutating func footer() {
        let slug = rng.hex().prefix(8)
        text.append(contentsOf: rng.pick([
            "\n\nContact the newsroom: +44 20 7946 \(rng.int(1000...9999)) or desk@\(outlet.lowercased().filter(\.isLetter)).example",
            "\n\nRead more: https://news.example/\(theatre.region.lowercased().filter(\.isLetter))/\(rng.int(100000...999999))-\(slug)",
        ]).utf8)
        figures += 1
    }

    private mutating func space() { text.append(0x20) }

    /// Appends the sentence written into `sentence`, shifting its claims to article offsets.
    private mutating func flush(capitalize: Bool = true) {
        if capitalize { sentence.capitalizeFirst() }
        let base = text.count
        text.append(contentsOf: sentence.bytes)
        for local in sentence.claims {
            var claim = local.claim
            claim.span = String(decoding: sentence.bytes[local.start..<local.end], as: UTF8.self)
            claim.start = base + local.start
            claim.end = base + local.end
            if let whole = local.partOf {
                let w = sentence.claims[whole]
                claim.partOf = String(decoding: sentence.bytes[w.start..<w.end], as: UTF8.self)
            }
            claims.append(claim)
        }
        figures += sentence.figures
        sentence = SentenceBuffer()
    }

    // MARK: - Sentences without figures

    private mutating func plainSentence() {
        let name = rng.pick(V.names)
        switch rng.below(10) {
        case 0:
            sentence.add("“\(rng.pick(V.quotes)),” \(name), \(rng.pick(V.roles)), \(rng.pick(V.saids)).")
        case 1:
            sentence.add("“\(rng.pick(V.quotes)),” \(rng.pick(["said", "added", "warned"])) \(name).")
        case 2:
            sentence.add("The talks, mediated by \(rng.pick(theatre.mediators)), have \(rng.pick(["stalled", "resumed", "made little progress", "hit a new snag"])) over \(rng.pick(V.issues)).")
        case 3:
            sentence.add("\(rng.pick(V.aidAgencies)) warned of \(rng.pick(V.crises)) as \(rng.pick(V.causes)).")
        case 4:
            sentence.add("Residents of \(rng.pick(theatre.places)) described \(rng.pick(V.scenes)).")
        case 5:
            let (accuser, accused) = rng.chance(0.5) ? theatre.sides : (theatre.sides.1, theatre.sides.0)
            sentence.add("\(accuser.capitalizingFirstASCII) accused \(accused) of \(rng.pick(V.accusations)), a charge \(rng.pick(["it denied", "that was rejected", "officials dismissed as propaganda"])).")
        case 6:
            sentence.add("\(rng.pick(V.capitals)) \(rng.pick(V.reactions)).")
        case 7:
            sentence.add("\(name) said the situation in \(rng.pick(theatre.places)) was \(rng.pick(["desperate", "beyond anything she had seen", "getting worse by the hour", "calm but tense"])) — \(rng.pick(["a view shared by other witnesses", "though the claim could not be independently verified", "and that aid had stopped arriving"])).")
        case 8:
            sentence.add("\(rng.pick(V.outlets)) could not independently verify the \(rng.pick(["figures", "accounts", "reports", "footage"])).")
        default:
            sentence.add("The \(rng.pick(["statement", "proposal", "draft", "plan"])) \(rng.pick(["did not mention", "left open", "was silent on"])) \(rng.pick(V.issues)), according to \(rng.pick(["diplomats", "a source familiar with the talks", "officials briefed on it"])).")
        }
        flush()
    }

    // MARK: - Sentences with figures that are not claims

    private mutating func figureSentence() {
        switch rng.below(10) {
        case 0:
            let money = Money.random(&rng)
            sentence.add("\(rng.pick(V.donors)) pledged \(money) in \(rng.pick(V.funds)) for \(theatre.region).")
            sentence.figures += 1
        case 1:
            let year = rng.int(1948...2021)
            sentence.add(rng.pick(["The region has not seen such destruction since \(year).",
                                   "The last comparable crisis was in \(year), analysts said.",
                                   "Tensions date back to the \(year) war."]))
            sentence.figures += 1
        case 2:
            let km = rng.int(3...180)
            sentence.add("\(rng.pick(theatre.places)) lies about \(km) \(rng.pick(["kilometres", "km", "kilometers"])) (\(max(1, km * 62 / 100)) miles) \(rng.pick(["south", "north", "east", "west"])) of \(rng.pick(theatre.places)).")
            sentence.figures += 2
        case 3:
            let age = rng.int(4...89)
            sentence.add(rng.pick(["\(rng.pick(V.names)), \(age), said she had not slept for days.",
                                   "A \(age)-year-old \(rng.pick(["boy", "girl", "man", "woman"])) told \(outlet) the shelling never stopped.",
                                   "\(rng.pick(V.names)), aged \(age), \(rng.pick(["walked for hours to reach the clinic", "sells bread near the market"]))."]))
            sentence.figures += 1
        case 4:
            let thing = rng.pick(V.things)
            let amount = number(rng.round(rng.int(thing.1)), words: true)
            sentence.add("\(amount.text.capitalizingFirstASCII) \(thing.0) \(rng.pick(["reached", "were delivered to", "are needed in", "were lost in"])) \(rng.pick(theatre.places))\(rng.chance(0.5) ? when(.day).text : "").")
            sentence.figures += 2
        case 5:
            let pct = rng.int(20...95)
            let claimed = "\(pct)\(rng.pick(["%", " percent", " per cent"])) of \(theatre.possessive) \(rng.pick(V.damaged))"
            let from = sentence.mark
            sentence.add(claimed)
            let amount = Amount(text: "", value: Double(pct), qualifier: .exact)
            sentence.claim(from: from, category: "other", amount: amount, population: nil, refersTo: nil, unit: .percent, optional: true)
            sentence.add(" \(rng.pick(["has been damaged or destroyed", "is out of service", "lies in ruins"])), \(rng.pick(theatre.sources).text) said.")
            sentence.figures += 1
        case 6:
            sentence.add("The strike hit at \(rng.int(1...12)):\(String(rng.int(0...59)).zeroPadded(to: 2)) \(rng.pick(["a.m.", "p.m."])) local time, witnesses said.")
            sentence.figures += 1
        case 7:
            let yes = rng.int(90...160), no = rng.int(3...20)
            sentence.add("The General Assembly adopted the resolution by \(yes) votes to \(no), with \(rng.int(10...40)) abstentions.")
            sentence.figures += 3
        case 8:
            sentence.add(rng.pick(["The \(rng.int(4...60))-day truce", "A \(number(rng.int(3...10), words: true).text)-day pause", "Resolution \(rng.int(2000...2800))",
                                   "Article \(rng.int(1...80)) of the accord"]) + " \(rng.pick(["is due to expire", "was cited by both sides", "remains contested"])).")
            sentence.figures += 1
        default:
            let months = rng.int(2...20)
            sentence.add("After \(months) months of war, \(rng.pick(["prices have risen", "salaries have gone unpaid", "the currency has collapsed"])) and \(rng.int(10...90))% of \(rng.pick(["shops", "bakeries", "clinics"])) are shut.")
            sentence.figures += 2
        }
        flush()
    }

    // MARK: - Sentences with claims

    private mutating func claimSentence() {
        switch rng.below(16) {
        case 0, 1, 2: killedCumulative()
        case 3, 4: killedEvent()
        case 5: injured()
        case 6: missing()
        case 7: captivesTaken()
        case 8: captivesHeld()
        case 9: captivesReleased()
        case 10: prisonersHeld()
        case 11: prisonersReleased()
        case 12: exchange()
        case 13, 14: displaced()
        default: planned()
        }
        flush()
    }

    private mutating func killedCumulative() {
        let since = when(.since)
        let amount = quantity(toll + rng.int(0...toll / 50))
        let group = rng.pick(theatre.victims.filter { $0.text != "journalists" && $0.text != "aid workers" })
        let source = rng.pick(theatre.sources)
        switch rng.below(5) {
        case 0:
            sentence.add("According to \(source.text), ")
            let from = sentence.mark
            sentence.add("\(amount.text) \(group.text) have been killed")
            sentence.claim(from: from, category: "killed", amount: amount, population: group.population, refersTo: since.refersTo, attributedTo: source.name)
            sentence.add("\(since.text).")
        case 1:
            sentence.add("\(rng.pick(theatre.attackers)) has ")
            let from = sentence.mark
            sentence.add("killed \(amount.text) \(group.text)")
            sentence.claim(from: from, category: "killed", amount: amount, population: group.population, refersTo: since.refersTo, attributedTo: source.name)
            sentence.add("\(since.text), \(source.text) \(rng.pick(["says", "said", "reported"])).")
        case 2:
            sentence.add("The ")
            let from = sentence.mark
            sentence.add("\(rng.pick(["death toll", "toll", "overall death toll"])) \(rng.pick(["rose to", "climbed to", "has risen to", "now stands at", "reached"])) \(amount.text)")
            sentence.claim(from: from, category: "killed", amount: amount, population: nil, refersTo: since.refersTo, attributedTo: source.name)
            sentence.add("\(since.text), \(rng.pick(["according to", "figures from"])) \(source.text) show.")
        case 3:
            let from = sentence.mark
            sentence.add("\(amount.text) \(group.text) \(rng.pick(["have died", "have lost their lives", "have been killed"]))")
            sentence.claim(from: from, category: "killed", amount: amount, population: group.population, refersTo: since.refersTo, attributedTo: nil)
            sentence.add(" in \(theatre.region)\(since.text).")
        default:
            sentence.add("\(source.text.capitalizingFirstASCII) \(rng.pick(["put", "puts", "has put"])) the ")
            let from = sentence.mark
            sentence.add("death toll at \(amount.text)")
            sentence.claim(from: from, category: "killed", amount: amount, population: nil, refersTo: since.refersTo, attributedTo: source.name)
            sentence.add("\(since.text), \(rng.pick(["most of them women and children", "a figure the UN considers reliable", "without distinguishing civilians from fighters"])).")
        }
    }

    private mutating func killedEvent() {
        let on = when(rng.chance(0.8) ? .day : .month)
        let total = rng.int(4...140)
        let amount = quantity(total, round: false)
        let group = rng.pick(theatre.victims)
        let place = rng.pick(theatre.places)
        let strike = rng.pick(["an airstrike", "shelling", "a drone strike", "an attack", "a raid", "clashes"])
        switch rng.below(4) {
        case 0:
            // "At least 19 people, including seven children, were killed on Saturday ..."
            let whole = sentence.mark
            sentence.add("\(amount.text) \(group.text)")
            let w = sentence.claim(from: whole, category: "killed", amount: amount, population: group.population, refersTo: on.refersTo)
            let partCount = max(1, total / rng.int(2...4))
            let part = number(partCount, words: rng.chance(0.5))
            // Parts that belong to the whole: children are not among "soldiers" or "peacekeepers".
            let civilians = ["people", "civilians", "Palestinians", "Sudanese", "Ukrainians", "Congolese", "villagers", "residents"]
            let partGroup = civilians.contains(group.text) ? rng.pick(["children", "women", "aid workers", "medics", "journalists"])
                : rng.pick(["officers", "women", "medics"])
            sentence.add(", including ")
            let p = sentence.mark
            sentence.add("\(part.text) \(partGroup)")
            sentence.claim(from: p, category: "killed", amount: part, population: partGroup, refersTo: on.refersTo, partOf: w)
            sentence.add(", were killed\(on.text) when \(strike) hit \(place).")
        case 1:
            sentence.add("\(strike.capitalizingFirstASCII) on \(place)\(on.text) ")
            let from = sentence.mark
            sentence.add("killed \(amount.text) \(group.text)")
            sentence.claim(from: from, category: "killed", amount: amount, population: group.population, refersTo: on.refersTo)
            // "scores of others" is a vague count of the injured: a claim, optional in the gold.
            let (others, value) = rng.pick([("many more", 0), ("others", 0), ("scores of others", 20), ("dozens of others", 12)])
            sentence.add(" and wounded ")
            let wounded = sentence.mark
            sentence.add(others)
            if value > 0 {
                sentence.claim(from: wounded, category: "injured", amount: Amount(text: others, value: Double(value), qualifier: .atLeast),
                               population: nil, refersTo: on.refersTo, optional: true)
            }
            sentence.add(", \(rng.pick(theatre.sources).text) said.")
        case 2:
            sentence.add("In \(place), ")
            let from = sentence.mark
            sentence.add("\(amount.text) \(group.text) \(rng.pick(["died", "were killed", "lost their lives"]))")
            sentence.claim(from: from, category: "killed", amount: amount, population: group.population, refersTo: on.refersTo)
            sentence.add("\(on.text), \(rng.pick(["medics", "witnesses", "rescuers"])) said.")
        default:
            sentence.add("\(rng.pick(theatre.sources).text.capitalizingFirstASCII) said ")
            let from = sentence.mark
            sentence.add("\(amount.text) \(group.text) were killed")
            sentence.claim(from: from, category: "killed", amount: amount, population: group.population, refersTo: on.refersTo)
            sentence.add(" in \(strike)\(on.text).")
        }
    }

    /// Writes `lead`, then `body` as the span of a claim, then `tail`; returns the claim's index.
    @discardableResult
    private mutating func claimed(_ lead: String, _ body: String, _ tail: String, category: String, amount: Amount,
                                  population: String?, refersTo: String?, attributedTo: String? = nil,
                                  unit: Claim.Unit = .people, modality: Claim.Modality = .reported) -> Int {
        sentence.add(lead)
        let from = sentence.mark
        sentence.add(body)
        let index = sentence.claim(from: from, category: category, amount: amount, population: population, refersTo: refersTo,
                                   attributedTo: attributedTo, unit: unit, modality: modality)
        sentence.add(tail)
        return index
    }

    private mutating func injured() {
        let on = when(rng.chance(0.5) ? .day : .since)
        let big = on.isInterval
        let amount = quantity(big ? rng.int(2_000...90_000) : rng.int(3...300), round: big)
        let group = rng.pick(theatre.victims)
        let (lead, body) = rng.pick([
            ("", "\(amount.text) \(group.text) \(rng.pick(["were wounded", "were injured", "have been wounded", "were hurt"]))"),
            ("\(rng.pick(["The attack", "The bombardment", "The fighting"])) also ", "\(rng.pick(["injured", "wounded"])) \(amount.text) \(group.text)"),
            ("\(rng.pick(theatre.sources).text.capitalizingFirstASCII) counted ", "\(amount.text) \(group.text) injured"),
        ])
        claimed(lead, body, "\(on.text).", category: "injured", amount: amount, population: group.population, refersTo: on.refersTo)
    }

    private mutating func missing() {
        let asOf = when(.asOf)
        let amount = quantity(rng.int(50...11_000))
        let group = rng.pick(theatre.victims)
        let state = rng.pick(["remain missing", "are still missing", "are unaccounted for", "are believed buried under the rubble"])
        claimed("", "\(amount.text) \(group.text) \(state)", "\(asOf.text), \(rng.pick(theatre.sources).text) \(rng.pick(["said", "estimates", "added"])).",
                category: "missing", amount: amount, population: group.population, refersTo: asOf.refersTo)
    }

    private mutating func captivesTaken() {
        let on = when(rng.chance(0.5) ? .start : .day)
        let amount = quantity(rng.int(20...260), round: false)
        let group = rng.pick(theatre.captives)
        let captor = rng.pick(theatre.captors).capitalizingFirstASCII
        let (lead, body) = rng.pick([
            ("", "\(amount.text) \(group.text) were \(rng.pick(["taken hostage", "abducted", "kidnapped", "seized"]))"),
            ("\(captor) ", "\(rng.pick(["abducted", "seized", "kidnapped"])) \(amount.text) \(group.text)"),
            ("\(captor) \(rng.pick(["took", "captured"])) ", "\(amount.text) \(group.text == "hostages" ? "hostages" : "\(group.text) hostage")"),
        ])
        claimed(lead, body, "\(on.text).", category: "captives_taken", amount: amount, population: group.population, refersTo: on.refersTo)
    }

    private mutating func captivesHeld() {
        let asOf = when(.asOf)
        let amount = quantity(rng.int(8...140), round: false)
        let group = rng.pick(theatre.captives)
        let source = rng.pick(theatre.sources)
        let place = rng.chance(0.5) ? " in \(theatre.region)" : ""
        switch rng.below(3) {
        case 0:
            claimed("\(source.text.capitalizingFirstASCII) \(rng.pick(["believes", "says", "estimates"])) ",
                    "\(amount.text) \(group.text) \(rng.pick(["are being held", "remain in captivity", "are still held"]))", "\(place)\(asOf.text).",
                    category: "captives_held", amount: amount, population: group.population, refersTo: asOf.refersTo, attributedTo: source.name)
        case 1:
            claimed("\(rng.pick(theatre.captors).capitalizingFirstASCII) \(rng.pick(["is still holding", "holds", "continues to hold"])) ",
                    "\(amount.text) \(group.text)", "\(asOf.text).",
                    category: "captives_held", amount: amount, population: group.population, refersTo: asOf.refersTo)
        default:
            let fate = rng.pick(["must be freed", "are at the heart of the talks", "were not mentioned in the proposal"])
            claimed("The ", "\(rng.pick(["remaining", "last"])) \(amount.text) \(group.text) held\(place)", " \(fate)\(asOf.text).",
                    category: "captives_held", amount: amount, population: group.population, refersTo: asOf.refersTo)
        }
    }

    private mutating func captivesReleased() {
        let on = when(rng.chance(0.6) ? .day : .month)
        let amount = quantity(rng.int(1...110), round: false)
        let group = rng.pick(theatre.captives)
        let (lead, body) = rng.pick([
            ("", "\(amount.text) \(group.text) were \(rng.pick(["released", "freed", "handed over to the Red Cross", "set free"]))"),
            ("\(rng.pick(theatre.captors).capitalizingFirstASCII) ", "\(rng.pick(["released", "freed"])) \(amount.text) \(group.text)"),
            ("The deal led to the ", "release of \(amount.text) \(group.text)"),
        ])
        claimed(lead, body, "\(on.text).", category: "captives_released", amount: amount, population: group.population, refersTo: on.refersTo)
    }

    private mutating func prisonersHeld() {
        let asOf = when(.asOf)
        let amount = quantity(rng.int(800...10_500))
        let group = rng.pick(theatre.prisoners)
        let (lead, body) = rng.pick([
            ("\(rng.pick(theatre.jailers).capitalizingFirstASCII) is ", "holding \(amount.text) \(group.text)"),
            ("", "\(amount.text) \(group.text) \(rng.pick(["are held", "remain", "are being held"])) in \(rng.pick(["its jails", "detention", "custody", "military prisons"]))"),
        ])
        claimed(lead, body, "\(asOf.text), \(rng.pick(["rights groups", "prisoners’ associations", "lawyers"])) say.",
                category: "prisoners_held", amount: amount, population: group.population, refersTo: asOf.refersTo)
    }

    private mutating func prisonersReleased() {
        let on = when(rng.chance(0.6) ? .day : .month)
        let amount = quantity(rng.int(10...2_000), round: false)
        let group = rng.pick(theatre.prisoners)
        let (lead, body) = rng.pick([
            ("\(rng.pick(theatre.jailers).capitalizingFirstASCII) ", "\(rng.pick(["released", "freed", "set free"])) \(amount.text) \(group.text)"),
            ("", "\(amount.text) \(group.text) were \(rng.pick(["released", "freed", "let go"]))"),
        ])
        claimed(lead, body, "\(on.text).", category: "prisoners_released", amount: amount, population: group.population, refersTo: on.refersTo)
    }

    /// "… saw the release of 81 Israelis and 24 foreigners in exchange for 240 Palestinians,
    /// including 71 women and 169 children."
    private mutating func exchange() {
        let on = when(.month)
        let captiveGroups = theatre.captives.filter { $0.population != nil }
        let first = rng.pick(captiveGroups)
        let second = rng.pick(captiveGroups.filter { $0.text != first.text })
        let a = number(rng.int(2...90), words: rng.chance(0.3)), b = number(rng.int(1...30), words: rng.chance(0.3))
        let released = "captives_released"
        claimed("\(rng.pick(["A previous", "An earlier", "The first"])) deal\(on.text) saw the release of ", "\(a.text) \(first.text)", "",
                category: released, amount: a, population: first.population, refersTo: on.refersTo)
        claimed(" and ", "\(b.text) \(second.text)", "", category: released, amount: b, population: second.population, refersTo: on.refersTo)
        let women = rng.int(10...90), children = rng.int(10...180)
        let total = number(women + children, words: false), w = number(women, words: false), c = number(children, words: false)
        let group = rng.pick(theatre.prisoners)
        let whole = claimed(" in exchange for ", "\(total.text) \(group.text)", ", including ",
                            category: "prisoners_released", amount: total, population: group.population, refersTo: on.refersTo)
        for (n, part) in [(w, "women"), (c, rng.pick(["children", "minors"]))].enumerated() {
            sentence.add(n == 0 ? "" : " and ")
            let from = sentence.mark
            sentence.add("\(part.0.text) \(part.1)")
            sentence.claim(from: from, category: "prisoners_released", amount: part.0, population: n == 0 ? "women" : "children",
                           refersTo: on.refersTo, partOf: whole)
        }
        sentence.add(".")
    }

    private mutating func displaced() {
        let asOf = when(rng.chance(0.5) ? .asOf : .since)
        if rng.chance(0.3) {
            let pct = rng.int(40...92)
            claimed("The \(rng.pick(["fighting", "war", "offensive"])) has driven ",
                    "\(pct)\(rng.pick(["%", " percent", " per cent"])) of \(theatre.possessive) population",
                    " \(rng.pick(["from their homes", "into displacement", "into makeshift camps"]))\(asOf.text).",
                    category: "displaced", amount: Amount(text: "", value: Double(pct), qualifier: .exact),
                    population: "\(theatre.possessive) population", refersTo: asOf.refersTo, unit: .percent)
            return
        }
        let amount = quantity(uprooted + rng.int(0...uprooted / 20))
        let group = rng.pick([V.Group(text: "people", population: "people"), V.Group(text: "residents", population: "residents")] + theatre.victims.prefix(2))
        let (lead, body) = rng.pick([
            ("", "\(amount.text) \(group.text) \(rng.pick(["have been displaced", "have fled their homes", "have been forced from their homes", "are displaced"]))"),
            ("The \(rng.pick(["fighting", "war", "violence"])) has ", "displaced \(amount.text) \(group.text)"),
            ("\(rng.pick(theatre.sources).text.capitalizingFirstASCII) \(rng.pick(["counts", "estimates", "registered"])) ", "\(amount.text) displaced \(group.text)"),
        ])
        claimed(lead, body, "\(asOf.text).", category: "displaced", amount: amount, population: group.population, refersTo: asOf.refersTo)
    }

    /// Releases that are planned, agreed, expected or proposed rather than reported.
    private mutating func planned() {
        let amount = number(rng.int(3...150), words: rng.chance(0.3))
        let captives = rng.chance(0.5)
        let group = captives ? rng.pick(theatre.captives) : rng.pick(theatre.prisoners)
        let holder = rng.pick(captives ? theatre.captors : theatre.jailers)
        let (lead, body, modality): (String, String, Claim.Modality) = rng.pick([
            ("Under the plan, \(holder) \(rng.pick(["will release", "is set to free", "is due to release"])) ", "\(amount.text) \(group.text)", .planned),
            ("\(holder.capitalizingFirstASCII) \(rng.pick(["agreed to free", "has agreed to release"])) ", "\(amount.text) \(group.text)", .agreed),
            ("", "\(amount.text) \(group.text) are expected to be \(rng.pick(["freed", "released"]))", .expected),
            ("The proposal calls for the ", "release of \(amount.text) \(group.text)", .proposed),
        ])
        let when = rng.pick(["in the first phase", "once the truce begins", "in return for a pause in the fighting", "over the coming weeks"])
        claimed(lead, body, " \(when).", category: captives ? "captives_released" : "prisoners_released", amount: amount,
                population: group.population, refersTo: nil, modality: modality)
    }
}
