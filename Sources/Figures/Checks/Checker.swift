import Foundation
/// Groups claims that count the same thing and runs every consistency rule over them.
///
/// ```swift
/// let result = Checker(rules: try .standard()).run(claims)
/// for finding in result.checks where finding.outcome == .fail {
///     print(finding.kind, finding.reason!, finding.evidence.map(\.text))
/// }
/// ```
///
/// **Grouping.** Claims count the same thing when their place (``Claim/place``: figures about
/// Gaza are not compared with figures about Haiti), category, unit, population (see
/// ``Claim/population``; a `nil` population is everyone, and every named group is a part of
/// everyone) and period agree:
/// - a day, month or year (`refers_to` is a point) is one event, one count or one level;
/// - a running total (`refers_to` is an interval) belongs to the **series** of its category
///   whose start agrees with its own (a month agrees with the days in it: `2023-10` and
///   `2023-10-07` start the same series), and to the group of totals given as of the same day.
///   Series whose starts are at most a month apart form a family ("since 7 October" and
///   "since late October", read as 21 October), checked together for reversals.
/// A subgroup belongs to its whole through `part_of` (71 women of 240 Palestinians) or by being
/// listed with other groups (`list`: 81 Israelis and 24 foreigners, whose whole is everyone
/// released).
///
/// **What is not checked.** Figures whose modality is not `reported` (planned, agreed, expected,
/// proposed) are not facts and are never compared; claims whose category the rule tables do not
/// declare are skipped. Both are listed in ``Result/skipped``.
///
/// Within one article, differing figures for one group are usually a breakdown the claim model
/// cannot see (by place, by source), so conflicts and subgroup checks compare claims of
/// different articles; sums and parts linked by `part_of` or `list` are checked within an
/// article too.
///
/// **Scale.** Every rule compares all the pairs its semantics name, but none visits them one by
/// one: a group is swept in time order (or sorted by value), keeping the extreme value that
/// decides each claim, so the checks take O(n log n) for n claims. A check lists every claim it
/// compared, and each claim is listed by a bounded number of checks: one check per group,
/// series or family (not one per pair or per subgroup), so the report grows linearly with the
/// claims. Messages cite at most ``CheckContext/citeLimit`` claims and say how many more.
public struct Checker: Sendable {
    /// Thresholds of the checks.
    public struct Options: Sendable, Hashable {
        /// A figure is stale when its as-of day is more than this many days older than another
        /// figure of its series published the same day.
        public var staleAfterDays: Int

        public init(staleAfterDays: Int = 30) {
            self.staleAfterDays = staleAfterDays
        }
    }

    /// A claim that no check looked at, and why.
    public struct Skipped: Sendable, Hashable {
        public let claim: Claim
        /// `not reported as fact (agreed)`, `category not declared in the rule tables`.
        public let why: String
    }

    /// The checks that ran, and the claims left out.
    public struct Result: Sendable {
        /// Every check that ran, passed or failed, in a stable order.
        public let checks: [Check]
        /// Claims not checked at all.
        public let skipped: [Skipped]
        /// The claims checked, and the key of the group each counts in.
        let table: ClaimTable
        let groupNames: GroupNames
        /// Each check's position in ``checks``, by its serial.
        let positions: [Int]
        /// For each claim given to the checker, in the order given, its position in ``table``
        /// (what `table.position(of:)` finds); `-1` when it is not there.
        let inputPositions: [Int32]

        /// The key of the group `claim` counts in (`place|category|population|period`, with
        /// `undated` for the period when it has none); `nil` when it was not checked.
        public func group(of claim: Claim) -> String? { table.position(of: claim).map { groupNames[$0] } }
    }

    public let rules: RuleBook
    public let options: Options

    public init(rules: RuleBook, options: Options = Options()) {
        self.rules = rules
        self.options = options
    }

    /// Checks `claims` against each other. The result does not depend on the claims' order.
    public func run(_ claims: [Claim]) -> Result { runKeepingContext(claims).result }

    /// The result, and the prepared claims for the report's timelines. `alongside` runs while
    /// the checks are sorted, with the context and the checks as they were made (in no
    /// particular order): the report's own work, on a second core.
    func runKeepingContext(_ claims: [Claim], alongside: (CheckContext, [Check]) -> Void = { _, _ in }) -> (result: Result, context: CheckContext) {
        var t = DispatchTime.now().uptimeNanoseconds
        func lap(_ what: String) { if ProcessInfo.processInfo.environment["FIGURES_TIMING"] != nil { let n = DispatchTime.now().uptimeNanoseconds; FileHandle.standardError.write("TIMING \(what) \(Double(n - t) / 1e9)\n".data(using: .utf8)!); t = n } }
        let context = CheckContext(claims: claims, rules: rules, options: options)
        lap("context")
        var checks: [Check] = []
        checks.reserveCapacity(context.groups.count + context.groups.count / 4 + 16)
        _ = context.groups; lap("groups")
        // The rules only read the prepared claims: two sets of them run at the same time, each
        // rule into its own list, and the lists are joined in the order the rules are listed (on
        // one core, each rule in that order into one list: no check is copied).
        func firstSet(_ checks: inout [Check]) {
            context.conflictChecks(into: &checks)
            context.reversalChecks(into: &checks)
            context.sumChecks(into: &checks)
        }
        func secondSet(_ checks: inout [Check]) {
            context.partWholeChecks(into: &checks)
            context.staleChecks(into: &checks)
        }
        if mayUseSeveralCores {
            var later: [Check] = [], last: [Check] = []
            concurrently({
                firstSet(&checks)
                context.undatedChecks(into: &last)
            }, {
                secondSet(&later)
            })
            checks.append(contentsOf: later)
            checks.append(contentsOf: last)
        } else {
            firstSet(&checks)
            secondSet(&checks)
            context.undatedChecks(into: &checks)
        }
        lap("rules")
        // A check's serial is the order in which it was made.
        for k in checks.indices { checks[k].serial = k }
        // The order is found while `alongside` runs (both only read the checks), then the checks
        // are moved into it.
        var order: [Int] = []
        concurrently({ order = CheckContext.order(checks) }, { alongside(context, checks) })
        CheckContext.permute(&checks, into: order)
        lap("sort")
        var positions = Array(repeating: 0, count: checks.count)
        for (k, check) in checks.enumerated() { positions[check.serial] = k }
        return (Result(checks: checks, skipped: context.skipped, table: context.table, groupNames: context.groupNames, positions: positions,
                       inputPositions: context.inputPositions), context)
    }
}

/// A claim prepared for the checks, as plain numbers (the claim itself, its time, population
/// key and period are in the context's tables): a million of them are sorted and swept, and
/// copying one copies no reference. What a message cites of it is here too (its text when
/// short, its article and publication day by number): the rules cite a million claims in no
/// order, and reading the claims themselves would cost a cache miss each.
struct Prepared: Sendable {
    let interval: FigureInterval
    /// The text as written, when short (see ``CheckContext/cite(_:to:)``).
    let text: ShortText
    let kind: Category.Kind
    let unit: Claim.Unit
    /// Whether it is a part of a whole, or listed with others (it has `part_of` or `list`).
    let isPart: Bool
    /// Its article, place, category and population (`-1`: everyone), numbered.
    let article: Int
    let placeID: Int32, categoryID: Int32, populationID: Int32
    /// Its time in ``CheckContext/times``; `-1` when undated.
    let timeID: Int32
    /// The first and last day (ordinals) of the day or month it is given as of; `Int.max` when
    /// undated.
    let endFirst: Int, endLast: Int
    /// A running total's start, first and last day; `Int.max` for a point or when undated.
    let startFirst: Int, startLast: Int
    /// The publication day (ordinal); `Int.max` when unknown.
    let published: Int
    /// For a running total: the series it belongs to (starts that agree) and the family of
    /// series (starts within a month of each other).
    var series: Int? {
        get { seriesNumber >= 0 ? Int(seriesNumber) : nil }
        set { seriesNumber = newValue.map { Int32($0) } ?? -1 }
    }
    var family: Int? {
        get { familyNumber >= 0 ? Int(familyNumber) : nil }
        set { familyNumber = newValue.map { Int32($0) } ?? -1 }
    }
    /// ``series`` and ``family``, `-1` for none (four bytes each, not sixteen).
    var seriesNumber: Int32 = -1, familyNumber: Int32 = -1
    /// Its group in ``CheckContext/groups``; `-1` when undated.
    var group: Int = -1

    var isDated: Bool { timeID >= 0 }
    var isRunningTotal: Bool { startFirst != .max }

    /// The key of its group (`nil` when undated), with everyone in place of its population
    /// when `everyone`.
    func key(everyone: Bool = false) -> GroupKey? {
        guard isDated else { return nil }
        return GroupKey(place: placeID, category: categoryID, unit: unit == .percent ? 1 : 0,
                        population: everyone ? -1 : populationID, series: Int32(series ?? -1),
                        first: Int32(truncatingIfNeeded: endFirst), last: Int32(truncatingIfNeeded: endLast))
    }
}

/// Each claim's group key for readers, by the claim's position: one name per group, not one
/// per claim.
struct GroupNames: Sendable {
    /// For each claim, its name in ``names``; `-1` when it is in no group.
    let ids: [Int32]
    let names: [String]

    subscript(_ i: Int) -> String { ids[i] >= 0 ? names[Int(ids[i])] : "" }
}

/// What makes claims count the same thing, as numbers: place, category, unit, population
/// (`-1`: everyone) and period (a running total's series, or `-1`, and the day or month it is
/// given as of). The period's ISO form is one to one with these (a month and a day differ in
/// their last day; one kind of series has one label per series).
struct GroupKey: Hashable, Comparable {
    var place: Int32, category: Int32, unit: Int8, population: Int32, series: Int32, first: Int32, last: Int32

    /// In the order of place, category, unit, population, series, first and last day.
    static func < (a: GroupKey, b: GroupKey) -> Bool { a.compare(b) < 0 }

    /// -1, 0 or 1 as this key comes before, with or after `other`: one pass for sorts that
    /// break ties by something else.
    @inline(__always)
    func compare(_ other: GroupKey) -> Int {
        if place != other.place { return place < other.place ? -1 : 1 }
        if category != other.category { return category < other.category ? -1 : 1 }
        if unit != other.unit { return unit < other.unit ? -1 : 1 }
        if population != other.population { return population < other.population ? -1 : 1 }
        if series != other.series { return series < other.series ? -1 : 1 }
        if first != other.first { return first < other.first ? -1 : 1 }
        if last != other.last { return last < other.last ? -1 : 1 }
        return 0
    }

    /// The key as three words that compare as the keys do (``compare(_:)``): place and
    /// category (numbers from 0) with the unit, population and series (from -1) shifted by one,
    /// and the two days with their sign bits flipped.
    var packed: (UInt64, UInt64, UInt64) {
        precondition(place >= 0 && category >= 0 && unit >= 0 && unit <= 1 && population >= -1 && series >= -1)
        let days = UInt64(UInt32(bitPattern: first) ^ 0x8000_0000) << 32 | UInt64(UInt32(bitPattern: last) ^ 0x8000_0000)
        return (UInt64(UInt32(place)) << 32 | UInt64(UInt32(category)) << 1 | UInt64(UInt8(unit)),
                UInt64(UInt32(population + 1)) << 32 | UInt64(UInt32(series + 1)), days)
    }

    /// Two words instead of seven fields: half a million keys are hashed several times.
    func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(UInt32(bitPattern: place)) << 32 | UInt64(UInt32(bitPattern: category)) ^ UInt64(UInt8(bitPattern: unit)) << 56)
        hasher.combine(UInt64(UInt32(bitPattern: population)) << 32 | UInt64(UInt32(bitPattern: series)))
        hasher.combine(UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: last)))
    }
}

/// Everything the rules share: prepared claims, their groups and series, and how to phrase a
/// check.
final class CheckContext {
    let rules: RuleBook
    let options: Options
    typealias Options = Checker.Options
    /// The claims checked (reported as fact, of a declared category, each once), sorted by
    /// article, offsets, category and value; prepared as numbers in ``claims`` at the same
    /// positions, which the checks refer to.
    private(set) var records: [Claim] = []
    private(set) var claims: [Prepared] = []
    private(set) var table = ClaimTable([])
    private(set) var skipped: [Checker.Skipped] = []
    /// For each input claim, its position in ``records`` (as ``ClaimTable/position(of:)`` finds
    /// it: a repeated claim is at its first's position when equal to it); `-1` when not there.
    private(set) var inputPositions: [Int32] = []
    /// The distinct times of the claims, population keys, and group periods, by number.
    private(set) var times: [ClaimTime] = []
    private var populationKeys: [String] = []
    private var periods: [String] = []
    /// Period labels of the running-total series, by series number.
    private(set) var seriesLabels: [Int: String] = [:]
    /// Start labels of the families of series, by family number.
    private(set) var familyLabels: [Int: String] = [:]
    /// Display names of population keys: the most frequent written form.
    private var names: [String: String] = [:]
    /// The display name of each population key, by number.
    private var populationNames: [String] = []
    /// Each claim's group key for readers (`Gaza|killed|Palestinians|2023-10-07/2024-04-27`).
    private(set) var groupNames = GroupNames(ids: [], names: [])
    /// Article, place and category names, by number.
    private var articleNames: [String] = []
    private var placeNames: [String?] = []
    private var categoryNames: [String] = []
    /// Category names for readers (``words(_:)``), by number.
    private var categoryWords: [String] = []
    /// The claims with a time, grouped by place, category, unit, population and period, in the
    /// order of their keys (``groupNumber(of:)`` finds a group by its key).
    private(set) var groups: [[Int]] = []
    /// Each group's key, by group: read in order without visiting its claims.
    private(set) var groupKeys: [GroupKey] = []
    /// Each claim's place in time order (as-of day, then publication, article and offset), and
    /// the claim at each place.
    private(set) var rank: [Int] = []
    private(set) var byRank: [Int] = []

    init(claims input: [Claim], rules: RuleBook, options: Options) {
        self.rules = rules
        self.options = options
        // Usually already in this order (the report sorts its claims so).
        // Read through a buffer (a claim is not copied to compare two fields), and sorted only
        // when it is not in order (the sort is stable: an ordered list would stay as it is).
        let order: [Int] = input.withUnsafeBufferPointer { input in
            func less(_ a: Int, _ b: Int) -> Bool {
                if input[a].article != input[b].article { return input[a].article < input[b].article }
                if input[a].start != input[b].start { return input[a].start < input[b].start }
                if input[a].end != input[b].end { return input[a].end < input[b].end }
                if input[a].category != input[b].category { return input[a].category < input[b].category }
                return input[a].value < input[b].value
            }
            if input.indices.dropFirst().allSatisfy({ !less($0, $0 - 1) }) { return Array(input.indices) }
            return input.indices.sorted(by: less)
        }
        // Lookups repeat across a million claims: each category, written population and
        // time is read once.
        // Each category's kind (`nil`: not declared) and number.
        var categories: [String: (kind: Category.Kind?, id: Int32)] = [:]
        // Each written population's number, and by that number its key's number and how often it
        // was written so (counted only when it has a key: the most frequent form names the group).
        var keys: [String: Int] = [:]
        var forms: [(written: String, id: Int32, count: Int)] = []
        var timeIDs: [TimeKey: Int32] = [:]
        var articles: [String: Int] = [:]
        var places: [String?: Int32] = [:]
        var populations: [String: Int32] = [:]
        var lastArticle: (id: String, number: Int)?
        // The last claim's category, place, written population and time, with what they were
        // found to be: claims come by article, and an article's claims mostly repeat them (the
        // parser shares repeated strings, so comparing them is usually comparing two pointers).
        var lastCategory: (name: String, known: (kind: Category.Kind?, id: Int32))?
        var lastPlace: (name: String?, id: Int32)?
        var lastPopulation: (written: String, form: Int)?
        var lastTime: (refersTo: String?, published: Day?, id: Int32)?
        var previous: Int?
        // The positions in `input` of the claims kept, in order (the records are made from them
        // at the end: usually they are the input itself, shared, and nothing is copied).
        var kept: [Int] = []
        kept.reserveCapacity(input.count)
        // Each claim is read in place, through a pointer into the input: copying one (as passing
        // it by value, or even `borrowing` from an array, did) counts a reference for each of its
        // strings.
        // What the claims make is gathered in local lists and stored at the end: the object's own
        // properties, written from a nested function, would be checked for exclusive access at
        // every write.
        var preparedList: [Prepared] = [], skippedList: [Checker.Skipped] = [], keyList: [String] = [], timeList: [ClaimTime] = []
        preparedList.reserveCapacity(input.count)
        var positionList = [Int32](repeating: -1, count: input.count)
        func prepare(_ pointer: UnsafePointer<Claim>, at k: Int) {
            // The same claim twice (same article, offsets, category and value) counts once.
            if let p = previous, input[p].article == pointer.pointee.article, input[p].start == pointer.pointee.start, input[p].end == pointer.pointee.end,
               input[p].category == pointer.pointee.category, input[p].value == pointer.pointee.value {
                if positionList[p] >= 0, input[p] == pointer.pointee { positionList[k] = positionList[p] }
                return
            }
            previous = k
            if pointer.pointee.modality != .reported {
                skippedList.append(.init(claim: pointer.pointee, why: "not reported as fact (\(pointer.pointee.modality.rawValue))"))
                return
            }
            let known: (kind: Category.Kind?, id: Int32)
            if let last = lastCategory, last.name == pointer.pointee.category {
                known = last.known
            } else if let found = categories[pointer.pointee.category] {
                known = found
            } else {
                known = (rules.category(named: pointer.pointee.category)?.kind, Int32(categories.count))
                categories[pointer.pointee.category] = known
            }
            lastCategory = (pointer.pointee.category, known)
            guard let kind = known.kind else {
                skippedList.append(.init(claim: pointer.pointee, why: "category '\(pointer.pointee.category)' not declared in the rule tables"))
                return
            }
            var population: Int32 = -1
            if let written = pointer.pointee.population {
                let form: Int
                if let last = lastPopulation, last.written == written {
                    form = last.form
                } else if let found = keys[written] {
                    form = found
                } else {
                    let id: Int32 = PopulationKey.key(written).map { key -> Int32 in
                        if let id = populations[key] { return id }
                        keyList.append(key)
                        populations[key] = Int32(keyList.count - 1)
                        return Int32(keyList.count - 1)
                    } ?? -1
                    form = forms.count
                    forms.append((written, id, 0))
                    keys[written] = form
                }
                lastPopulation = (written, form)
                population = forms[form].id
                if population >= 0 { forms[form].count += 1 }
            }
            let timeID: Int32
            if let last = lastTime, last.published == pointer.pointee.published, last.refersTo == pointer.pointee.refersTo {
                timeID = last.id
            } else {
                let timeKey = TimeKey(refersTo: pointer.pointee.refersTo, published: pointer.pointee.published)
                if let id = timeIDs[timeKey] {
                    timeID = id
                } else {
                    if let time = ClaimTime(pointer.pointee.refersTo, published: pointer.pointee.published) {
                        timeList.append(time)
                        timeID = Int32(timeList.count - 1)
                    } else {
                        timeID = -1
                    }
                    timeIDs[timeKey] = timeID
                }
                lastTime = (pointer.pointee.refersTo, pointer.pointee.published, timeID)
            }
            let time = timeID >= 0 ? timeList[Int(timeID)] : nil
            // Claims come by article: the last one's number is usually the one.
            let article: Int
            if let last = lastArticle, last.id == pointer.pointee.article {
                article = last.number
            } else if let found = articles[pointer.pointee.article] {
                article = found
            } else {
                article = articles.count
                articles[pointer.pointee.article] = article
            }
            lastArticle = (pointer.pointee.article, article)
            let place: Int32
            if let last = lastPlace, last.name == pointer.pointee.place {
                place = last.id
            } else if let found = places[pointer.pointee.place] {
                place = found
            } else {
                place = Int32(places.count)
                places[pointer.pointee.place] = place
            }
            lastPlace = (pointer.pointee.place, place)
            positionList[k] = Int32(kept.count)
            kept.append(k)
            preparedList.append(Prepared(interval: FigureInterval(low: pointer.pointee.low, high: pointer.pointee.high, value: pointer.pointee.value, qualifier: pointer.pointee.qualifier, rules: rules),
                                   text: ShortText(pointer.pointee.text), kind: kind,
                                   unit: pointer.pointee.unit, isPart: pointer.pointee.partOf != nil || pointer.pointee.list != nil, article: article,
                                   placeID: place, categoryID: known.id, populationID: population, timeID: timeID,
                                   endFirst: time?.end.first.ordinal ?? .max, endLast: time?.end.last.ordinal ?? .max,
                                   startFirst: time?.start?.first.ordinal ?? .max, startLast: time?.start?.last.ordinal ?? .max,
                                   published: pointer.pointee.published?.ordinal ?? .max))
        }
        input.withUnsafeBufferPointer { input in
            for k in order { prepare(input.baseAddress! + k, at: k) }
        }
        claims = preparedList
        preparedList = []
        skipped = skippedList
        populationKeys = keyList
        times = timeList
        inputPositions = positionList
        positionList = []
        // Usually every claim is kept, in the order given: the records are then the input, shared.
        if kept.count == input.count, kept.indices.allSatisfy({ kept[$0] == $0 }) {
            records = input
        } else {
            records = kept.map { input[$0] }
        }
        kept = []
        table = ClaimTable(records)
        articleNames = Array(repeating: "", count: articles.count)
        for (name, number) in articles { articleNames[number] = name }
        placeNames = Array(repeating: nil, count: places.count)
        for (place, id) in places { placeNames[Int(id)] = place }
        categoryNames = Array(repeating: "", count: categories.count)
        for (category, known) in categories { categoryNames[Int(known.id)] = category }
        categoryWords = categoryNames.map(Check.words)
        // Each group's name: its most frequent written form (the first in order among equals).
        var best: [Int32: (form: String, count: Int)] = [:]
        for (form, id, count) in forms where count > 0 {
            if let known = best[id], known.count > count || (known.count == count && known.form < form) { continue }
            best[id] = (form, count)
        }
        for (id, form) in best { names[populationKeys[Int(id)]] = form.form }
        populationNames = populationKeys.map { names[$0] ?? $0 }
        // The claims in time order are found while the groups are made (which does not need
        // them): from a copy of what orders them, as the groups change the prepared claims.
        // Articles are numbered in the order of their ids, so numbers compare as the ids do.
        struct Moment {
            let endFirst: Int, published: Int, article: Int, start: Int
        }
        let moments = claims.indices.map { Moment(endFirst: claims[$0].endFirst, published: claims[$0].published, article: claims[$0].article,
                                                start: records[$0].start) }
        var byTime: [Int] = []
        concurrently({
            byTime = moments.indices.sorted { a, b in
                if moments[a].endFirst != moments[b].endFirst { return moments[a].endFirst < moments[b].endFirst }
                if moments[a].published != moments[b].published { return moments[a].published < moments[b].published }
                if moments[a].article != moments[b].article { return moments[a].article < moments[b].article }
                if moments[a].start != moments[b].start { return moments[a].start < moments[b].start }
                return a < b
            }
        }, {
            self.assignPeriods()
        })
        rank = Array(repeating: 0, count: byTime.count)
        for (r, i) in byTime.enumerated() { rank[i] = r }
        byRank = byTime
    }

    /// What a claim's time is read from.
    private struct TimeKey: Hashable {
        let refersTo: String?
        let published: Day?
    }

    /// The claim at position `i`.
    func claim(_ i: Int) -> Claim { records[i] }

    /// The time of claim `i`; `nil` when undated.
    func time(_ i: Int) -> ClaimTime? { claims[i].isDated ? times[Int(claims[i].timeID)] : nil }

    /// The population key of claim `i`; `nil` is everyone.
    func population(_ i: Int) -> String? { claims[i].populationID >= 0 ? populationKeys[Int(claims[i].populationID)] : nil }

    /// The period key of claim `i`'s group: the point's ISO form, or `<series start>/<as of>`;
    /// `nil` when undated.
    func period(_ i: Int) -> String? { claims[i].group >= 0 ? periods[claims[i].group] : nil }

    /// Starts at most this many days apart belong to one family of series ("since 7 October"
    /// and "since late October" in one war).
    static let familyGap = 31

    /// Puts running totals into series (per place, category and unit, by agreeing starts: a
    /// month and a day in it agree) and series into families (starts at most ``familyGap`` days
    /// apart), groups the dated claims, and gives every group its period key.
    private func assignPeriods() {
        var byKind: [GroupKey: [Int]] = [:]
        for i in claims.indices where claims[i].isRunningTotal {
            let p = claims[i]
            byKind[GroupKey(place: p.placeID, category: p.categoryID, unit: p.unit == .percent ? 1 : 0, population: 0, series: 0, first: 0, last: 0),
                   default: []].append(i)
        }
        var nextSeries = 0, nextFamily = 0
        for key in byKind.keys.sorted() {
            for family in clusters(byKind[key]!, gap: CheckContext.familyGap) {
                familyLabels[nextFamily] = label(family)
                for series in clusters(family, gap: 0) {
                    seriesLabels[nextSeries] = label(series)
                    for i in series {
                        claims[i].series = nextSeries
                        claims[i].family = nextFamily
                    }
                    nextSeries += 1
                }
                nextFamily += 1
            }
        }
        // Groups, and their period and key for readers, made once per group.
        // Sorted by key (then position), each run of equal keys is a group.
        var keyed: [(key: GroupKey, index: Int32, time: Int32)] = []
        keyed.reserveCapacity(claims.count)
        for i in claims.indices { if let key = claims[i].key() { keyed.append((key, Int32(i), claims[i].timeID)) } }
        // Sorted by the keys packed in three words each (``GroupKey/packed``, in the keys' order),
        // then by position: comparing two reads three words instead of seven fields.
        var packed = keyed.indices.map { j in (key: keyed[j].key.packed, j: Int32(j)) }
        packed.sort { a, b in
            a.key.0 != b.key.0 ? a.key.0 < b.key.0 : a.key.1 != b.key.1 ? a.key.1 < b.key.1 : a.key.2 != b.key.2 ? a.key.2 < b.key.2 : a.j < b.j
        }
        keyed = packed.map { keyed[Int($0.j)] }
        packed = []
        // Each claim's group, written to the claims in their order afterwards (the claims of a
        // group lie all over the table); its name is the group's, by number.
        var groupOf = [Int32](repeating: -1, count: claims.count)
        var names: [String] = []
        var buffer: [UInt8] = []
        var count = keyed.isEmpty ? 0 : 1
        for j in keyed.indices.dropFirst() where keyed[j].key != keyed[j - 1].key { count += 1 }
        groups.reserveCapacity(count)
        groupKeys.reserveCapacity(count)
        names.reserveCapacity(count)
        periods.reserveCapacity(count)
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
            let key = keyed[start].key
            let g = groups.count
            groupKeys.append(key)
            groups.append(keyed[start..<end].map { Int($0.index) })
            for j in start..<end { groupOf[Int(keyed[j].index)] = Int32(g) }
            let day = times[Int(keyed[start].time)].end.iso
            periods.append(key.series >= 0 ? seriesLabels[Int(key.series)]! + "/" + day : day)
            names.append(groupName(key, period: periods[g], buffer: &buffer))
            start = end
        }
        keyed = []
        for i in claims.indices where groupOf[i] >= 0 { claims[i].group = Int(groupOf[i]) }
        var undated: [GroupKey: Int32] = [:]
        for i in claims.indices where !claims[i].isDated {
            let p = claims[i]
            let key = GroupKey(place: p.placeID, category: p.categoryID, unit: p.unit == .percent ? 1 : 0, population: p.populationID,
                               series: -1, first: 0, last: 0)
            if let name = undated[key] {
                groupOf[i] = name
            } else {
                groupOf[i] = Int32(names.count)
                undated[key] = groupOf[i]
                names.append(groupName(key, period: "undated", buffer: &buffer))
            }
        }
        groupNames = GroupNames(ids: groupOf, names: names)
    }

    /// `Gaza|killed|Palestinians|2023-10-07/2024-04-27`: a group's key for readers, made from
    /// its numbered pieces (`buffer` is reused).
    private func groupName(_ key: GroupKey, period: String, buffer: inout [UInt8]) -> String {
        buffer.removeAll(keepingCapacity: true)
        if let place = placeNames[Int(key.place)] {
            ReportBytes.append(place, to: &buffer)
            buffer.append(UInt8(ascii: "|"))
        }
        ReportBytes.append(categoryNames[Int(key.category)], to: &buffer)
        ReportBytes.append(key.unit == 1 ? "|percent|" : "|", to: &buffer)
        ReportBytes.append(key.population >= 0 ? populationNames[Int(key.population)] : "everyone", to: &buffer)
        buffer.append(UInt8(ascii: "|"))
        ReportBytes.append(period, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The label of a set of running totals: its most precise start, the most frequent among
    /// equals, then the earliest.
    private func label(_ members: [Int]) -> String {
        var counts: [String: (count: Int, span: ClaimTime.Span)] = [:]
        for i in members {
            let s = time(i)!.start!
            counts[s.iso] = ((counts[s.iso]?.count ?? 0) + 1, s)
        }
        return counts.values.min { a, b in
            let da = a.span.last.ordinal - a.span.first.ordinal, db = b.span.last.ordinal - b.span.first.ordinal
            return (da, -a.count, a.span.iso) < (db, -b.count, b.span.iso)
        }!.span.iso
    }

    /// Splits running totals into the sets whose starts are linked, directly or through others:
    /// two starts are linked when the later begins at most `gap` days after the earlier ends
    /// (`gap` 0: they overlap). Each set is sorted, and the sets are in the order of their first
    /// claims. Sorting by start and sweeping finds them in O(n log n): a start that begins after
    /// every start so far has ended (plus the gap) opens a new set.
    func clusters(_ members: [Int], gap: Int) -> [[Int]] {
        let claims = self.claims
        let byStart = members.sorted { (claims[$0].startFirst, $0) < (claims[$1].startFirst, $1) }
        var result: [[Int]] = []
        var current: [Int] = []
        var reach = Int.min
        for i in byStart {
            if !current.isEmpty, claims[i].startFirst > reach {
                result.append(current.sorted())
                current = []
            }
            current.append(i)
            reach = current.count == 1 ? claims[i].startLast + gap : max(reach, claims[i].startLast + gap)
        }
        if !current.isEmpty { result.append(current.sorted()) }
        return result.sorted { $0[0] < $1[0] }
    }

    /// The display form of a population key.
    func name(_ key: String?) -> String? {
        guard let key else { return nil }
        return names[key] ?? key
    }

    /// The claims of the group with `key`, if there are any.
    func group(_ key: GroupKey?) -> [Int]? { key.flatMap { groupNumber(of: $0) }.map { groups[$0] } }

    /// The number of the group with `key`, if there is one: found by binary search, as the groups
    /// are numbered in the order of their keys (a table of half a million keys, hashed, cost
    /// more to build than the few lookups it served).
    func groupNumber(of key: GroupKey) -> Int? {
        groupKeys.withUnsafeBufferPointer { keys in
            var lo = 0, hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                switch keys[mid].compare(key) {
                case ..<0: lo = mid + 1
                case 0: return mid
                default: hi = mid
                }
            }
            return nil
        }
    }

    /// Claims in time order (as-of day, then publication, article and offset).
    func inTimeOrder(_ indices: [Int]) -> [Int] { timeOrdered(indices, distinct: false) }

    /// Claims in time order, each once.
    func distinctInTimeOrder(_ indices: [Int]) -> [Int] { timeOrdered(indices, distinct: true) }

    /// `indices` in time order, each once when `distinct`: the list itself (shared, not copied)
    /// when it is in that order already, as the rules often pass it; else sorted as ranks (plain
    /// integers) in one new list and turned back into claims.
    private func timeOrdered(_ indices: [Int], distinct: Bool) -> [Int] {
        let ordered = rank.withUnsafeBufferPointer { rank in
            indices.withUnsafeBufferPointer { list in
                list.indices.dropFirst().allSatisfy { distinct ? rank[list[$0 - 1]] < rank[list[$0]] : rank[list[$0 - 1]] <= rank[list[$0]] }
            }
        }
        if ordered { return indices }
        var result = indices
        var count = result.count
        result.withUnsafeMutableBufferPointer { result in
            rank.withUnsafeBufferPointer { rank in for k in result.indices { result[k] = rank[result[k]] } }
            result.sort()
            if distinct {
                // Equal ranks are the same claim.
                count = result.isEmpty ? 0 : 1
                for k in result.indices.dropFirst() where result[k] != result[count - 1] {
                    result[count] = result[k]
                    count += 1
                }
            }
            byRank.withUnsafeBufferPointer { byRank in for k in 0..<count { result[k] = byRank[result[k]] } }
        }
        if count < result.count { result.removeLast(result.count - count) }
        return result
    }

    /// Builds a check over the claims at `indices`; `evidence` are the claims a failure rests on
    /// (all of `indices` when empty). `groups` is the population for readers when the check
    /// spans several groups (see ``Check/populationLabel``). The place is the first claim's,
    /// unless given.
    func check(_ rule: CheckRule, failed: Bool, reason: String, severity: Severity = .error, indices: [Int], evidence: [Int] = [],
               category: String, place: String?? = nil, population: String?, groups: String? = nil, refersTo: String?,
               message: String) -> Check {
        let all = distinctInTimeOrder(indices)
        let rest = failed ? distinctInTimeOrder(evidence.isEmpty ? indices : evidence) : []
        let check = Check(rule: rule, outcome: failed ? .fail : .pass, reason: failed ? reason : nil, severity: failed ? severity : nil,
                          category: category, place: place ?? all.first.flatMap(place(of:)), population: name(population),
                          populationLabel: groups, refersTo: refersTo, table: table, claims: all, evidence: rest, message: message, serial: -1)
        return check
    }

    /// How many claims a message cites at most; the rest are counted ("and 4,312 more").
    static let citeLimit = 10

    /// How a claim reads in a message: `81 (000_4a6e…, 2024-04-27)`.
    func cite(_ i: Int) -> String {
        var bytes: [UInt8] = []
        cite(i, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``cite(_:)-swift.method`` of claim `i` to `bytes`, from its prepared form (the
    /// claim itself is read only for a long or empty text).
    func cite(_ i: Int, to bytes: inout [UInt8]) {
        if !claims[i].text.append(to: &bytes) {
            let written = records[i].text
            if written.isEmpty { ReportBytes.append(formatted: records[i].value, to: &bytes) } else { ReportBytes.append(written, to: &bytes) }
        }
        bytes.append(UInt8(ascii: " "))
        bytes.append(UInt8(ascii: "("))
        ReportBytes.append(articleNames[claims[i].article], to: &bytes)
        let published = claims[i].published
        if published != .max {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: " "))
            ReportBytes.append(day: Day(ordinal: published), to: &bytes)
        }
        bytes.append(UInt8(ascii: ")"))
    }

    /// A day's ISO form.
    func iso(_ ordinal: Int) -> String { Day(ordinal: ordinal).iso }

    /// Claims in time order, `a, b and c`; beyond ``citeLimit``, the first ones and how many
    /// more.
    func cite(_ indices: [Int]) -> String {
        let ordered = inTimeOrder(indices)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * min(ordered.count, CheckContext.citeLimit))
        if ordered.count > CheckContext.citeLimit {
            for n in 0..<CheckContext.citeLimit {
                if n > 0 { ReportBytes.append(", ", to: &bytes) }
                cite(ordered[n], to: &bytes)
            }
            ReportBytes.append(" and ", to: &bytes)
            ReportBytes.append(formatted: Double(ordered.count - CheckContext.citeLimit), to: &bytes)
            ReportBytes.append(" more", to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        for n in ordered.indices {
            if n > 0 { ReportBytes.append(n == ordered.count - 1 ? " and " : ", ", to: &bytes) }
            cite(ordered[n], to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A count for readers: `4,312`.
    static func count(_ n: Int) -> String { FigureInterval.format(Double(n)) }

    /// Up to three pairs for a message, `a against b; c against d; e against f`, and how many
    /// more when `total` is known.
    func citePairs(_ pairs: [(Int, Int)], _ joiner: String, total: Int? = nil) -> String {
        var bytes: [UInt8] = []
        for n in 0..<min(3, pairs.count) {
            if n > 0 { ReportBytes.append("; ", to: &bytes) }
            cite(pairs[n].0, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            ReportBytes.append(joiner, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            cite(pairs[n].1, to: &bytes)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let total, total > 3 else { return text }
        return text + "; and \(CheckContext.count(total - 3)) more pairs"
    }

    /// A category for readers: `captives_released` → `captives released`.
    func words(_ category: String) -> String { Check.words(category) }

    /// Claim `i`'s category for readers (made once per category).
    func words(of i: Int) -> String { categoryWords[Int(claims[i].categoryID)] }

    /// The number of the category named `name`; `-2`, which no claim has, when no claim has it.
    func categoryID(named name: String) -> Int32 { categoryNames.firstIndex(of: name).map { Int32($0) } ?? -2 }

    /// Claim `i`'s category and place, from their numbers (the claim is not read).
    func category(of i: Int) -> String { categoryNames[Int(claims[i].categoryID)] }
    func place(of i: Int) -> String? { placeNames[Int(claims[i].placeID)] }

    /// The phrase for a population in messages.
    func phrase(_ key: String?) -> String { name(key) ?? "everyone" }

    /// The groups a check over several populations is about, for readers: `Israelis`,
    /// `Israelis and foreigners`, `5 groups`; `nil` when there is at most one (the check's
    /// population says it).
    func groupsPhrase(_ keys: [String]) -> String? {
        let named = Set(keys).sorted().map { name($0)! }
        switch named.count {
        case 0, 1: return nil
        case 2, 3: return named.dropLast().joined(separator: ", ") + " and " + named.last!
        default: return "\(named.count) groups"
        }
    }

    /// The named groups of `members`: their keys, and the one group if there is exactly one.
    func namedGroups(_ members: [Int]) -> (keys: [String], single: String?) {
        let ids = Set(members.map { claims[$0].populationID }.filter { $0 >= 0 })
        let keys = ids.map { populationKeys[Int($0)] }
        return (keys, keys.count == 1 ? keys[0] : nil)
    }

    /// Whether group `part` is contained in group `whole` (equal, or `whole` is everyone).
    static func contained(_ part: Int32, in whole: Int32) -> Bool { whole < 0 || part == whole }

    /// The positions of `checks` in report order: kind, category, population, period, rule,
    /// first claim (each check's key made once); ``permute(_:into:)`` puts them in it.
    static func order(_ checks: [Check]) -> [Int] {
        // Strings are ranked once, so that most comparisons compare integers.
        // Each string is numbered as first met (a check's neighbour usually has the same one,
        // often the same object: compared, not hashed), the distinct strings sorted, and the
        // numbers turned into ranks.
        func ranks(_ strings: [String]) -> [Int] {
            var numbers: [String: Int] = [:]
            var distinct: [String] = []
            var result: [Int] = []
            result.reserveCapacity(strings.count)
            for k in strings.indices {
                if k > 0, strings[k] == strings[k - 1] {
                    result.append(result[k - 1])
                    continue
                }
                if let n = numbers[strings[k]] {
                    result.append(n)
                } else {
                    numbers[strings[k]] = distinct.count
                    result.append(distinct.count)
                    distinct.append(strings[k])
                }
            }
            var rankOf = [Int](repeating: 0, count: distinct.count)
            for (rank, n) in distinct.indices.sorted(by: { distinct[$0] < distinct[$1] }).enumerated() { rankOf[n] = rank }
            for k in result.indices { result[k] = rankOf[result[k]] }
            return result
        }
        // Each field read in place (a check is not copied).
        var categoryNames: [String] = [], populationNames: [String] = [], periodNames: [String] = []
        var kinds: [Int] = [], rules: [Int] = []
        categoryNames.reserveCapacity(checks.count); populationNames.reserveCapacity(checks.count)
        periodNames.reserveCapacity(checks.count); kinds.reserveCapacity(checks.count); rules.reserveCapacity(checks.count)
        for k in checks.indices {
            categoryNames.append(checks[k].category)
            populationNames.append(checks[k].population ?? "")
            periodNames.append(checks[k].refersTo ?? "")
            kinds.append(kindPositions[checks[k].kind]!)
            rules.append(checks[k].rule.position)
        }
        let categories = ranks(categoryNames), populations = ranks(populationNames), periods = ranks(periodNames)
        // Kind, category, population, period and rule packed in two words (ranks are below
        // 2^28: there are fewer checks than that).
        // Sorted as (high, low, position) triples held together, so that comparing two reads
        // nothing else (the same order as comparing the packed words through the positions).
        var keyed = checks.indices.map { k in
            (high: UInt64(kinds[k]) << 56 | UInt64(categories[k]) << 28 | UInt64(populations[k]), low: UInt64(periods[k]) << 8 | UInt64(rules[k]), k: k)
        }
        keyed.sort { a, b in a.high != b.high ? a.high < b.high : a.low != b.low ? a.low < b.low : a.k < b.k }
        var order = keyed.map(\.k)
        // Checks with the same key are ordered by their first claim's id, then by how many claims
        // they compare: the ids are made only for them.
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, keyed[end].high == keyed[start].high, keyed[end].low == keyed[start].low { end += 1 }
            if end - start > 1 {
                let run = order[start..<end].map { k -> (id: String, count: Int, k: Int) in
                    let claims = checks[k].claimIndices, table = checks[k].table
                    let id = claims.first.map { "\(table.claims[$0].article)@\(table.claims[$0].start)" } ?? ""
                    return (id, claims.count, k)
                }.sorted { a, b in a.id != b.id ? a.id < b.id : (a.count, a.k) < (b.count, b.k) }
                for (n, entry) in run.enumerated() { order[start + n] = entry.k }
            }
            start = end
        }
        return order
    }

    /// Puts `checks` in `order` (the position of each check's new place's check).
    static func permute(_ checks: inout [Check], into order: [Int]) {
        // Moved into place along the permutation's cycles: a check is swapped, not copied.
        var done = [Bool](repeating: false, count: checks.count)
        checks.withUnsafeMutableBufferPointer { checks in
            for start in checks.indices where !done[start] {
                var j = start
                while true {
                    done[j] = true
                    let next = order[j]
                    if next == start { break }
                    checks.swapAt(j, next)
                    j = next
                }
            }
        }
    }

    private static let kindPositions = Dictionary(uniqueKeysWithValues: Check.Kind.allCases.enumerated().map { ($1, $0) })
}

/// Up to 15 bytes of UTF-8 held in place, in two words: a claim's text as a message cites it.
struct ShortText: Sendable {
    private var bytes: (UInt64, UInt64) = (0, 0)
    /// How many bytes there are; `0xFF`: the text is empty or longer than 15 bytes.
    private var count: UInt8 { withUnsafeBytes(of: bytes) { $0[15] } }

    init(_ text: String) {
        ReportBytes.utf8(text) { utf8 in
            withUnsafeMutableBytes(of: &bytes) { raw in
                guard (1...15).contains(utf8.count) else {
                    raw[15] = 0xFF
                    return
                }
                raw.copyMemory(from: UnsafeRawBufferPointer(utf8))
                raw[15] = UInt8(utf8.count)
            }
        }
    }

    /// Appends the text, if it is held here; whether it is.
    func append(to out: inout [UInt8]) -> Bool {
        let count = self.count
        guard count != 0xFF else { return false }
        withUnsafeBytes(of: bytes) { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[0..<Int(count)])) }
        return true
    }
}
