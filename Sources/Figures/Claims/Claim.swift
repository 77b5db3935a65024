/// A numeric claim about people: a figure, what it counts, about whom, when, who says so, and
/// exactly where it stands in its article.
public struct Claim: Sendable, Hashable {
    /// Whether the figure is reported as fact or only planned.
    public enum Modality: String, Sendable, Hashable, CaseIterable, Codable {
        case reported, planned, agreed, expected, proposed
    }

    /// What the figure counts in: people, or a percentage of a group.
    public enum Unit: String, Sendable, Hashable, Codable {
        case people, percent
    }

    /// The article id.
    public var article: String
    /// A stable id within a run: `<article>@<start>`.
    public var id: String { "\(article)@\(start)" }
    /// What the figure counts: killed, injured, missing, captives_taken, captives_held,
    /// captives_released, prisoners_held, prisoners_released, displaced, or a category a user's
    /// rule table adds.
    public var category: String
    /// The number as written (the low end for ranges).
    public var value: Double
    public var qualifier: Qualifier
    /// The lowest and highest values the wording allows (`nil`: unbounded).
    public var low: Double?
    public var high: Double?
    public var unit: Unit
    /// The group counted, normalized through the populations table ("Palestinians",
    /// "children"); `nil` when the text names none.
    public var population: String?
    public var modality: Modality
    /// The day, month or interval the figure is about (ISO 8601); `nil` when unknown.
    public var refersTo: String?
    /// Who states it ("Health Ministry", "UN"); `nil` when the article does not say.
    public var attributedTo: String?
    /// UTF-8 byte offsets into the article (end exclusive).
    public var start: Int
    public var end: Int
    /// Exactly the article's bytes in `start..<end`.
    public var text: String
    /// The sentence the claim stands in.
    public var sentence: String
    /// The name of the claim rule that bound the figure.
    public var rule: String
    /// For a part of a larger group ("71 women" of "240 Palestinians" in the same sentence; "Of
    /// those, 1.8 million …" after a sentence that ends with the whole): the id of the whole's claim.
    public var partOf: String?
    /// For figures listed together in one sentence ("81 Israelis and 24 foreigners"): the id of
    /// the list's first claim, shared by every member. The parts of one whole.
    public var list: String?
    /// For "1.9 million of Gaza's 2.4 million residents": the whole, 2,400,000.
    public var whole: Double?
    /// Where the figure is about ("Gaza", "Sudan", "El Fasher"): the place its sentence names, else
    /// the place its article names most; `nil` when the article names none the tables know.
    /// The report compares only claims of the same place.
    public var place: String?
    /// The article's publication date and outlet, carried so that a report can be made from
    /// claims alone.
    public var published: Day?
    public var outlet: String?

    public init(article: String, category: String, value: Double, qualifier: Qualifier, low: Double?, high: Double?,
                unit: Unit, population: String?, modality: Modality, refersTo: String?, attributedTo: String?,
                start: Int, end: Int, text: String, sentence: String, rule: String,
                partOf: String? = nil, list: String? = nil, whole: Double? = nil, place: String? = nil, published: Day? = nil, outlet: String? = nil) {
        self.article = article
        self.category = category
        self.value = value
        self.qualifier = qualifier
        self.low = low
        self.high = high
        self.unit = unit
        self.population = population
        self.modality = modality
        self.refersTo = refersTo
        self.attributedTo = attributedTo
        self.start = start
        self.end = end
        self.text = text
        self.sentence = sentence
        self.rule = rule
        self.partOf = partOf
        self.list = list
        self.place = place
        self.whole = whole
        self.published = published
        self.outlet = outlet
    }
}
