/// The kinds of story a ``DiscrepancyCorpus`` tells: clean ones, and one per planted
/// discrepancy.
enum StoryKind: String, CaseIterable {
    // Planted first, so that the first stories of a small corpus plant every kind.
    case conflictEvent = "planted.conflict_event"
    case conflictLevel = "planted.conflict_level"
    case conflictTotal = "planted.conflict_total"
    case reversalTotal = "planted.reversal_total"
    case reversalHeld = "planted.reversal_held"
    case sumInArticle = "planted.sum_in_article"
    case sumAcross = "planted.sum_across"
    case partOf = "planted.part_of"
    case ofWhole = "planted.of_whole"
    case share = "planted.share"
    case subgroup = "planted.subgroup"
    case stale = "planted.stale"
    case undated = "planted.undated"
    case cleanSeries = "clean.series"
    case cleanEvent = "clean.event"
    case cleanListSum = "clean.list_sum"
    case cleanParts = "clean.parts"
    case cleanHeld = "clean.held"
    case cleanDisplaced = "clean.displaced"
    case cleanPlanned = "clean.planned"
    case noFigures = "clean.no_figures"

    var isPlanted: Bool { rawValue.hasPrefix("planted.") }

    /// The fewest articles the story needs.
    var articles: Int {
        switch self {
        case .sumInArticle, .partOf, .ofWhole, .share, .undated, .cleanParts, .noFigures: return 1
        case .cleanSeries: return 3
        default: return 2
        }
    }
}

extension DiscrepancyWriter {
    /// Whether a story of `kind` can still be told (a stock story needs a group or a place no
    /// other story used).
    func available(_ kind: StoryKind) -> Bool {
        switch kind {
        case .conflictLevel: return DiscrepancyWriter.demonyms.contains { !usedStocks.contains("prisoners_held|" + $0.plural) }
        case .reversalHeld, .cleanHeld: return DiscrepancyWriter.demonyms.contains { !usedStocks.contains("captives_held|" + $0.plural) }
        case .ofWhole, .share, .cleanDisplaced: return DiscrepancyWriter.places.contains { !usedPlaces.contains($0) }
        default: return true
        }
    }

    /// A group no story has used for `category` (and marks it used).
    private mutating func freshGroup(_ category: String) -> (plural: String, adjective: String) {
        let free = DiscrepancyWriter.demonyms.filter { !usedStocks.contains(category + "|" + $0.plural) }
        let group = random.pick(free)
        usedStocks.insert(category + "|" + group.plural)
        return group
    }

    /// A place no story has used (and marks it used).
    private mutating func freshPlace() -> String {
        let place = random.pick(DiscrepancyWriter.places.filter { !usedPlaces.contains($0) })
        usedPlaces.insert(place)
        return place
    }

    /// A value rounded to two significant digits' worth of `unit`.
    private mutating func value(_ range: ClosedRange<Int>, unit: Int = 1) -> Int {
        max(unit, random.int(range) / unit * unit)
    }

    /// Drafts one story of `kind` whose own period starts on `base`.
    mutating func draft(_ kind: StoryKind, base: Day) -> Story {
        var s = Story(kind: kind.rawValue)
        let group = random.pick(DiscrepancyWriter.demonyms)
        let region = random.pick(DiscrepancyWriter.places)
        let monthText = DiscrepancyWriter.month(base), monthISO = DiscrepancyWriter.monthISO(base)
        let startText = DiscrepancyWriter.long(base)
        let headline = "\(region): \(random.pick(DiscrepancyWriter.headlines))"
        func draft(_ day: Day, _ sentences: [[Piece]]) -> Draft { Draft(published: day, headline: headline, sentences: sentences) }
        /// People of the story's group killed since its start, as of `day`.
        func killed(_ v: Int, _ q: Qualifier, asOf day: Day) -> Figure {
            amount(v, q, category: "killed", population: group.plural, refersTo: "\(base.iso)/\(day.iso)")
        }

        switch kind {
        case .cleanSeries:
            // A running total that rises; maybe one report about everyone, maybe a second report the same day.
            let category = random.chance(0.7) ? "killed" : "injured"
            let verb = category == "killed" ? "killed" : "wounded"
            var v = value(800...20_000, unit: 100)
            var day = base.adding(days: random.int(15...30))
            let n = random.int(3...4)
            let everyoneAt = random.chance(0.5) ? random.below(n) : -1
            for i in 0..<n {
                let (source, name) = random.pick(DiscrepancyWriter.sources)
                let population = i == everyoneAt ? "people" : group.plural
                let q = random.pick([Qualifier.exact, .nearly, .moreThan, .approximately])
                let f = s.add(amount(v, q, category: category, population: population, refersTo: "\(base.iso)/\(day.iso)", attributedTo: name))
                s.drafts.append(draft(day, [[.text("The war in \(region) has \(verb) "), .figure(f), .text(" \(population) since \(startText), \(source).")]]))
                if i == n - 1, random.chance(0.4) {
                    let g = s.add(amount(v, .approximately, category: category, population: group.plural, refersTo: "\(base.iso)/\(day.iso)"))
                    s.drafts.append(draft(day, [[.text("Since \(startText), "), .figure(g), .text(" \(group.plural) have been \(verb) in \(region), officials said.")]]))
                }
                v = v * random.int(120...160) / 100 / 100 * 100
                day = day.adding(days: random.int(25...60))
            }

        case .cleanEvent, .conflictEvent:
            let category = random.chance(0.5) ? "captives_released" : "prisoners_released"
            let noun = category == "captives_released" ? "captives" : "prisoners"
            let v = value(20...400)
            let w = kind == .conflictEvent ? v - random.int(1...9) : v
            let a = s.add(amount(v, .exact, category: category, population: group.plural, refersTo: monthISO))
            let b = s.add(amount(w, kind == .cleanEvent && random.chance(0.5) ? .approximately : .exact, category: category,
                                 population: group.plural, refersTo: monthISO))
            s.drafts.append(draft(base.adding(days: random.int(35...60)), [[.figure(a), .text(" \(group.adjective) \(noun) were released in \(monthText), mediators said.")]]))
            s.drafts.append(draft(base.adding(days: random.int(70...140)), [[.text("In the exchange of \(monthText), "), .figure(b), .text(" \(group.adjective) \(noun) were freed.")]]))
            if kind == .conflictEvent { s.planted.append((CheckRule.sameEvent.name, "reports_disagree", [a, b])) }

        case .conflictLevel:
            let held = freshGroup("prisoners_held")
            let day = base.adding(days: random.int(10...40))
            let v = value(2_000...12_000, unit: 100)
            let w = v * random.int(70...85) / 100 / 100 * 100
            let a = s.add(amount(v, .exact, category: "prisoners_held", population: held.plural, refersTo: day.iso))
            let b = s.add(amount(w, .exact, category: "prisoners_held", population: held.plural, refersTo: day.iso))
            s.drafts.append(draft(day, [[.text("The authorities are holding "), .figure(a), .text(" \(held.plural) in their jails, rights groups say.")]]))
            s.drafts.append(draft(day, [[.text("The authorities are holding "), .figure(b), .text(" \(held.adjective) prisoners, according to a lawyers’ association.")]]))
            s.planted.append((CheckRule.sameLevel.name, "reports_disagree", [a, b]))

        case .conflictTotal:
            let day = base.adding(days: random.int(40...90))
            let v = value(3_000...30_000, unit: 100)
            let w = v * random.int(60...80) / 100 / 100 * 100
            let a = s.add(killed(v, .moreThan, asOf: day))
            let b = s.add(killed(w, .nearly, asOf: day))
            s.drafts.append(draft(day, [[.text("The offensive in \(region) has killed "), .figure(a), .text(" \(group.plural) since \(startText).")]]))
            s.drafts.append(draft(day, [[.text("Since \(startText), "), .figure(b), .text(" \(group.plural) have been killed in \(region), the health ministry said.")]]))
            s.planted.append((CheckRule.sameTotal.name, "reports_disagree", [a, b]))

        case .reversalTotal:
            let d1 = base.adding(days: random.int(30...60)), d2 = d1.adding(days: random.int(40...90))
            let v1 = value(5_000...40_000, unit: 100)
            let v2 = v1 * random.int(50...70) / 100 / 100 * 100
            let a = s.add(killed(v1, .exact, asOf: d1))
            let b = s.add(killed(v2, random.chance(0.5) ? .nearly : .exact, asOf: d2))
            s.drafts.append(draft(d1, [[.text("The war in \(region) has killed "), .figure(a), .text(" \(group.plural) since \(startText), according to the health ministry.")]]))
            s.drafts.append(draft(d2, [[.text("The war in \(region) has killed "), .figure(b), .text(" \(group.plural) since \(startText), a monitoring group said.")]]))
            if random.chance(0.5) {
                let d3 = d2.adding(days: random.int(30...60))
                let c = s.add(killed(v1 * 13 / 10 / 100 * 100, .moreThan, asOf: d3))
                s.drafts.append(draft(d3, [[.text("The war in \(region) has killed "), .figure(c), .text(" \(group.plural) since \(startText).")]]))
            }
            s.planted.append((CheckRule.runningTotalFalls.name, "running_total_falls", [a, b]))

        case .cleanHeld, .reversalHeld:
            let held = freshGroup("captives_held")
            let d1 = base.adding(days: random.int(20...40)), d2 = d1.adding(days: random.int(40...80))
            let taken = value(100...400)
            let h1 = taken - random.int(5...30)
            let h2 = kind == .reversalHeld ? h1 + random.int(3...15) : h1 - random.int(3...20)
            let c = s.add(amount(taken, .exact, category: "captives_taken", population: held.plural, refersTo: base.iso))
            let a = s.add(amount(h1, .exact, category: "captives_held", population: held.plural, refersTo: d1.iso))
            let b = s.add(amount(h2, .exact, category: "captives_held", population: held.plural, refersTo: d2.iso))
            s.drafts.append(draft(d1, [[.figure(c), .text(" \(held.plural) were taken hostage on \(startText).")],
                                       [.text("Officials believe "), .figure(a), .text(" \(held.plural) are still being held.")]]))
            s.drafts.append(draft(d2, [[.figure(b), .text(" \(held.plural) remain in captivity, according to their families.")]]))
            if kind == .reversalHeld {
                s.planted.append((CheckRule.heldWithoutCapture.name, "rises_without_capture", [a, b]))
            } else if random.chance(0.6) {
                // A new capture, then a level higher than before but within it.
                let captured = d2.adding(days: random.int(5...20)), d3 = captured.adding(days: random.int(10...30))
                let more = random.int(5...20)
                let k = s.add(amount(more, .exact, category: "captives_taken", population: held.plural, refersTo: captured.iso))
                let h = s.add(amount(h2 + random.int(1...more), .exact, category: "captives_held", population: held.plural, refersTo: d3.iso))
                s.drafts.append(draft(d3, [[.text("Gunmen seized "), .figure(k), .text(" \(held.plural) on \(DiscrepancyWriter.long(captured)).")],
                                           [.text("Officials now believe "), .figure(h), .text(" \(held.plural) are being held.")]]))
            }

        case .sumInArticle, .cleanParts, .partOf:
            let w = value(60...400)
            let day = base.adding(days: random.int(20...80))
            var parts: [(Int, String)] = []
            var reason = ""
            switch kind {
            case .cleanParts:
                let a = random.int(w / 5...w * 3 / 5)
                parts = [(a, "women"), (w - a, "children")]
            case .sumInArticle:
                let a = random.int(w / 5...w * 3 / 5)
                // Parts named with "including" may fall short of their whole (a selection); only a
                // sum above it is a discrepancy. The draw is kept so that later stories stay the same.
                _ = random.chance(0.5)
                let over = true
                let b = over ? w - a + random.int(10...40) : max(1, (w - a) / 2)
                parts = [(a, "women"), (b, "children")]
                reason = over ? "parts_exceed_whole" : "parts_fall_short"
            default:
                parts = [(w + random.int(5...60), "children")]
            }
            let whole = s.add(amount(w, .exact, category: "prisoners_released", population: group.plural, refersTo: monthISO))
            var pieces: [Piece] = [.text("The authorities freed "), .figure(whole), .text(" \(group.adjective) prisoners in \(monthText), including ")]
            var handles: [Int] = []
            for (n, (count, noun)) in parts.enumerated() {
                var f = amount(count, .exact, category: "prisoners_released", population: noun, refersTo: monthISO)
                f.partOf = whole
                if parts.count > 1 { f.list = handles.first ?? s.figures.count }
                let h = s.add(f)
                handles.append(h)
                if n > 0 { pieces.append(.text(" and ")) }
                pieces += [.figure(h), .text(" \(noun)")]
            }
            pieces.append(.text("."))
            s.drafts.append(draft(day, [pieces]))
            if kind == .sumInArticle { s.planted.append((CheckRule.sumInArticle.name, reason, [whole] + handles)) }
            if kind == .partOf { s.planted.append((CheckRule.partOfWhole.name, "part_over_whole", [whole] + handles)) }

        case .cleanListSum, .sumAcross, .subgroup:
            var other = random.pick(DiscrepancyWriter.demonyms)
            while other.plural == group.plural { other = random.pick(DiscrepancyWriter.demonyms) }
            let a = value(20...200), b = value(5...100)
            var total = a + b
            var reason = ""
            if kind == .sumAcross {
                let over = random.chance(0.5)
                total = over ? a + b - random.int(3...max(3, min(a, b) / 2)) : a + b + random.int(5...30)
                reason = over ? "parts_exceed_whole" : "parts_fall_short"
            }
            let d1 = base.adding(days: random.int(35...70)), d2 = d1.adding(days: random.int(10...60))
            if kind == .subgroup {
                let part = s.add(amount(a, .exact, category: "captives_released", population: group.plural, refersTo: monthISO))
                let all = s.add(amount(a - random.int(5...max(5, a / 3)), .exact, category: "captives_released", population: nil, refersTo: monthISO))
                s.drafts.append(draft(d1, [[.figure(part), .text(" \(group.plural) were released in \(monthText), mediators said.")]]))
                s.drafts.append(draft(d2, [[.text("The exchange of \(monthText) saw "), .figure(all), .text(" captives released.")]]))
                s.planted.append((CheckRule.subgroup.name, "part_over_whole", [part, all]))
                break
            }
            var first = amount(a, .exact, category: "captives_released", population: group.plural, refersTo: monthISO)
            first.list = s.figures.count
            let p = s.add(first)
            var second = amount(b, .exact, category: "captives_released", population: other.plural, refersTo: monthISO)
            second.list = p
            let q = s.add(second)
            let t = s.add(amount(total, .exact, category: "captives_released", population: nil, refersTo: monthISO))
            s.drafts.append(draft(d1, [[.text("In \(monthText), "), .figure(p), .text(" \(group.plural) and "), .figure(q), .text(" \(other.plural) were released in the exchange, officials said.")]]))
            s.drafts.append(draft(d2, [[.text("The exchange of \(monthText) saw "), .figure(t), .text(" captives released.")]]))
            if kind == .sumAcross { s.planted.append((CheckRule.sumAcrossArticles.name, reason, [p, q, t])) }

        case .cleanDisplaced, .ofWhole, .share:
            let place = freshPlace()
            let d1 = base.adding(days: random.int(20...60)), d2 = d1.adding(days: random.int(60...150))
            let total = random.int(12...35) * 100_000
            if kind != .share {
                let part = kind == .ofWhole ? total + random.int(1...6) * 100_000 : total * random.int(3...8) / 10 / 100_000 * 100_000
                var f = amount(max(part, 100_000), .exact, category: "displaced", population: "\(place)’s residents", refersTo: d1.iso, attributedTo: "UN")
                f.whole = Double(total)
                let h = s.add(f)
                s.drafts.append(draft(d1, [[.text("The UN estimates that "), .figure(h), .text(" of \(place)’s \(DiscrepancyWriter.numeral(total)) residents have been forced to flee their homes.")]]))
                if kind == .ofWhole { s.planted.append((CheckRule.ofWhole.name, "part_over_whole", [h])) }
            }
            if kind != .ofWhole {
                let percent = kind == .share ? random.int(101...130) : random.int(40...95)
                let f = Figure(text: "\(percent)%", value: Double(percent), qualifier: .exact, category: "displaced",
                               population: "\(place)’s population", refersTo: d2.iso, unit: .percent)
                let h = s.add(f)
                s.drafts.append(draft(d2, [[.text("The fighting has displaced "), .figure(h), .text(" of \(place)’s population, aid agencies say.")]]))
                if kind == .share { s.planted.append((CheckRule.share.name, "share_over_100", [h])) }
            }

        case .stale:
            let day = base.adding(days: random.int(150...220))
            let old = day.adding(days: -random.int(60...120))
            let v = value(8_000...40_000, unit: 100)
            let u = v * random.int(55...75) / 100 / 100 * 100
            let fresh = s.add(killed(v, .exact, asOf: day))
            let stale = s.add(killed(u, .exact, asOf: old))
            s.drafts.append(draft(day, [[.text("The war in \(region) has killed "), .figure(fresh), .text(" \(group.plural) since \(startText), according to the health ministry.")]]))
            s.drafts.append(draft(day, [[.text("The war in \(region) had killed "), .figure(stale), .text(" \(group.plural) since \(startText) by \(DiscrepancyWriter.long(old)).")]]))
            s.planted.append((CheckRule.staleSameDay.name, "older_than_same_day", [stale, fresh]))

        case .undated:
            let f = s.add(amount(value(3...90), .exact, category: "killed", population: group.plural, refersTo: nil, attributedTo: "rights group"))
            s.drafts.append(draft(base.adding(days: random.int(10...60)), [[.figure(f), .text(" \(group.plural) have died in detention, a rights group said.")]]))
            s.planted.append((CheckRule.undated.name, "no_time", [f]))

        case .cleanPlanned:
            // A figure agreed for the future differs from the one reported: not a conflict.
            let v = value(20...300)
            let agreed = base.adding(days: random.int(5...20))
            var planned = amount(v + random.int(5...50), .exact, category: "prisoners_released", population: group.plural, refersTo: agreed.iso)
            planned.modality = .agreed
            let p = s.add(planned)
            let r = s.add(amount(v, .exact, category: "prisoners_released", population: group.plural, refersTo: agreed.iso))
            s.drafts.append(draft(agreed, [[.text("The two sides agreed to release "), .figure(p), .text(" \(group.adjective) prisoners, the mediators said.")]]))
            s.drafts.append(draft(agreed.adding(days: random.int(10...30)), [[.text("On \(DiscrepancyWriter.long(agreed)), "), .figure(r), .text(" \(group.adjective) prisoners were released.")]]))

        case .noFigures:
            s.drafts.append(draft(base.adding(days: random.int(1...30)), [[.text(random.pick(DiscrepancyWriter.backgrounds))]]))
        }
        return s
    }
}

extension DiscrepancyWriter {
    /// Groups as a plural noun and an adjective.
    static let demonyms: [(plural: String, adjective: String)] = [
        ("Ukrainians", "Ukrainian"), ("Russians", "Russian"), ("Sudanese", "Sudanese"), ("Syrians", "Syrian"), ("Yemenis", "Yemeni"),
        ("Afghans", "Afghan"), ("Iraqis", "Iraqi"), ("Libyans", "Libyan"), ("Malians", "Malian"), ("Nigerians", "Nigerian"),
        ("Somalis", "Somali"), ("Congolese", "Congolese"), ("Colombians", "Colombian"), ("Haitians", "Haitian"),
        ("Venezuelans", "Venezuelan"), ("Ethiopians", "Ethiopian"), ("Eritreans", "Eritrean"), ("Lebanese", "Lebanese"),
        ("Palestinians", "Palestinian"), ("Israelis", "Israeli"), ("Egyptians", "Egyptian"), ("Tunisians", "Tunisian"),
        ("Algerians", "Algerian"), ("Moroccans", "Moroccan"), ("Chadians", "Chadian"), ("Cameroonians", "Cameroonian"),
        ("Mozambicans", "Mozambican"), ("Kenyans", "Kenyan"), ("Ugandans", "Ugandan"), ("Rwandans", "Rwandan"),
        ("Burundians", "Burundian"), ("Filipinos", "Filipino"), ("Indonesians", "Indonesian"), ("Thais", "Thai"),
        ("Cambodians", "Cambodian"), ("Nepalese", "Nepalese"), ("Pakistanis", "Pakistani"), ("Indians", "Indian"),
        ("Bangladeshis", "Bangladeshi"), ("Mexicans", "Mexican"), ("Hondurans", "Honduran"), ("Salvadorans", "Salvadoran"),
        ("Guatemalans", "Guatemalan"), ("Nicaraguans", "Nicaraguan"), ("Peruvians", "Peruvian"), ("Bolivians", "Bolivian"),
        ("Ecuadorians", "Ecuadorian"), ("Brazilians", "Brazilian"), ("Iranians", "Iranian"), ("Jordanians", "Jordanian"),
        ("Serbs", "Serbian"), ("Bosnians", "Bosnian"), ("Albanians", "Albanian"), ("Armenians", "Armenian"),
        ("Azerbaijanis", "Azerbaijani"), ("Georgians", "Georgian"), ("Kurds", "Kurdish"), ("Chileans", "Chilean"),
    ]

    /// Places, real names (with accents), for regions and for displacement stories.
    static let places = [
        "Kharkiv", "Darfur", "Tigray", "Idlib", "Marib", "Cabo Delgado", "North Kivu", "Mosul", "Aleppo", "Raqqa", "Kassala",
        "Sennar", "Borno", "Mopti", "Sofala", "Kherson", "Zaporizhzhia", "Donetsk", "Hodeidah", "Taiz", "Benghazi", "Misrata",
        "Kandahar", "Herat", "Baidoa", "Gao", "Timbuktu", "Ituri", "Kasai", "Cúcuta", "Artibonite", "Rakhine", "Kachin",
        "Sagaing", "Mindanao", "Marawi", "Balochistan", "Sindh", "Sylhet", "Amhara", "Afar", "Oromia", "Gedaref", "El Fasher",
        "Nyala", "Omdurman", "Kordofan", "Blue Nile", "Jonglei", "Upper Nile", "Maiduguri", "Diffa", "Tillabéri", "Djibo",
        "Kidal", "Ménaka", "Sirte", "Deir ez-Zor", "Homs", "Hama", "Daraa", "Nineveh", "Anbar", "Kirkuk", "Sinjar",
    ]

    static let cities = ["Geneva", "Nairobi", "Amman", "Istanbul", "Addis Ababa", "Dakar", "Bogotá", "Beirut", "Kyiv", "Cairo",
                         "Doha", "Bangkok", "Niamey", "Kinshasa", "Juba", "Bamako"]

    /// Who says so: as written, and as the claim's `attributed_to`.
    static let sources = [("according to the health ministry", "health ministry"), ("the United Nations said", "United Nations"),
                          ("according to local authorities", "local authorities"), ("a monitoring group said", "monitoring group")]

    static let headlines = ["talks stall as families wait for news", "mediators push for a lasting truce",
                            "aid groups warn of a worsening crisis", "residents count the cost of the fighting",
                            "a fragile calm returns — for now", "officials trade blame over stalled exchange"]

    /// Sentences with no figure at all.
    static let backgrounds = [
        "Talks mediated by Qatar and Egypt resumed this week, diplomats said.",
        "Aid convoys were turned back at the crossing again on Tuesday.",
        "The Security Council is expected to discuss the crisis in the coming days.",
        "Both sides accused each other of violating the truce — a charge each denied.",
        "Families gathered outside the ministry in São Tomé Square to demand news of their relatives.",
        "Humanitarian agencies said the situation was deteriorating by the hour.",
    ]
}
