/// The words the corpus generator writes with. Outlets and people are invented; places,
/// organizations and conflicts are real, so that the text reads like news, but every figure is
/// made up.
enum CorpusVocabulary {
    /// A group of people and the population a claim about it names (`nil`: the noun is the
    /// category itself, as in "250 hostages").
    struct Group: Sendable {
        let text: String
        let population: String?
    }

    /// Who says so: as written, and as the claim's `attributed_to`.
    struct Source: Sendable {
        let text: String
        let name: String
    }

    /// A war and its vocabulary: places, victims, sources, parties.
    struct Theatre: Sendable {
        let region: String
        let possessive: String
        let start: Day
        let places: [String]
        let victims: [Group]
        let sources: [Source]
        let attackers: [String]
        let captors: [String]
        let captives: [Group]
        let jailers: [String]
        let prisoners: [Group]
        let mediators: [String]
        /// The two sides, as they accuse each other.
        let sides: (String, String)
        let tolls: ClosedRange<Int>
        let uprooted: ClosedRange<Int>
    }

    static let theatres: [Theatre] = [
        Theatre(
            region: "Gaza", possessive: "Gaza’s", start: Day(year: 2023, month: 10, day: 7)!,
            places: ["Rafah", "Khan Younis", "Jabalia", "Deir al-Balah", "Beit Lahia", "Nuseirat", "Gaza City", "al-Mawasi", "Beit Hanoun", "Bureij"],
            victims: [.init(text: "Palestinians", population: "Palestinians"), .init(text: "people", population: "people"),
                      .init(text: "civilians", population: "civilians"), .init(text: "children", population: "children"),
                      .init(text: "women", population: "women"), .init(text: "aid workers", population: "aid workers"),
                      .init(text: "journalists", population: "journalists")],
            sources: [.init(text: "the Gaza Health Ministry", name: "Gaza Health Ministry"), .init(text: "the Health Ministry", name: "Health Ministry"),
                      .init(text: "the United Nations", name: "UN"), .init(text: "UNRWA", name: "UNRWA"),
                      .init(text: "the Palestinian Red Crescent", name: "Palestinian Red Crescent"), .init(text: "the civil defence agency", name: "civil defence agency"),
                      .init(text: "OCHA", name: "OCHA"), .init(text: "Anadolu", name: "Anadolu")],
            attackers: ["Israel", "the Israeli army", "Israeli forces", "the Israeli military"],
            captors: ["Hamas", "Palestinian groups", "the Al-Qassam Brigades"],
            captives: [.init(text: "Israelis", population: "Israelis"), .init(text: "foreigners", population: "foreigners"),
                       .init(text: "Thai nationals", population: "Thai nationals"), .init(text: "hostages", population: nil),
                       .init(text: "captives", population: nil)],
            jailers: ["Israel", "the Israel Prison Service", "Tel Aviv"],
            prisoners: [.init(text: "Palestinian prisoners", population: "Palestinians"), .init(text: "Palestinians", population: "Palestinians"),
                        .init(text: "detainees", population: nil), .init(text: "prisoners", population: nil)],
            mediators: ["Egypt and Qatar", "Qatari and Egyptian mediators", "the United States, Qatar and Egypt"], sides: ("Israel", "Hamas"),
            tolls: 1_200...62_000, uprooted: 100_000...1_900_000),
        Theatre(
            region: "Sudan", possessive: "Sudan’s", start: Day(year: 2023, month: 4, day: 15)!,
            places: ["El Fasher", "Khartoum", "Omdurman", "Nyala", "Geneina", "Wad Madani", "Zamzam camp", "Kadugli", "El Obeid"],
            victims: [.init(text: "civilians", population: "civilians"), .init(text: "people", population: "people"),
                      .init(text: "Sudanese", population: "Sudanese"), .init(text: "children", population: "children"),
                      .init(text: "villagers", population: "villagers"), .init(text: "displaced people", population: "displaced people")],
            sources: [.init(text: "the United Nations", name: "UN"), .init(text: "OCHA", name: "OCHA"),
                      .init(text: "the International Organization for Migration", name: "IOM"), .init(text: "Médecins Sans Frontières", name: "MSF"),
                      .init(text: "the Sudan Doctors Network", name: "Sudan Doctors Network"), .init(text: "local activists", name: "local activists")],
            attackers: ["the Rapid Support Forces", "the RSF", "the Sudanese army", "army warplanes"],
            captors: ["the RSF", "the Rapid Support Forces", "armed men"],
            captives: [.init(text: "villagers", population: "villagers"), .init(text: "women", population: "women"),
                       .init(text: "hostages", population: nil), .init(text: "civilians", population: "civilians")],
            jailers: ["the army", "the RSF", "military intelligence"],
            prisoners: [.init(text: "detainees", population: nil), .init(text: "prisoners of war", population: nil), .init(text: "prisoners", population: nil)],
            mediators: ["Saudi Arabia and the United States", "the African Union", "the Jeddah talks"], sides: ("the army", "the RSF"),
            tolls: 2_000...150_000, uprooted: 200_000...12_000_000),
        Theatre(
            region: "Ukraine", possessive: "Ukraine’s", start: Day(year: 2022, month: 2, day: 24)!,
            places: ["Kharkiv", "Zaporizhzhia", "Kherson", "Odesa", "Dnipro", "Pokrovsk", "Sumy", "Kryvyi Rih", "Chernihiv"],
            victims: [.init(text: "civilians", population: "civilians"), .init(text: "people", population: "people"),
                      .init(text: "Ukrainians", population: "Ukrainians"), .init(text: "children", population: "children"),
                      .init(text: "residents", population: "residents")],
            sources: [.init(text: "the UN human rights monitoring mission", name: "UN human rights monitoring mission"),
                      .init(text: "the regional governor", name: "regional governor"), .init(text: "Ukraine’s prosecutor-general", name: "prosecutor-general"),
                      .init(text: "the State Emergency Service", name: "State Emergency Service"), .init(text: "the UN", name: "UN")],
            attackers: ["Russia", "Russian forces", "Russian drones", "Moscow"],
            captors: ["Russian forces", "occupation authorities"],
            captives: [.init(text: "civilians", population: "civilians"), .init(text: "children", population: "children"),
                       .init(text: "Ukrainians", population: "Ukrainians")],
            jailers: ["Russia", "Ukraine", "Kyiv", "Moscow"],
            prisoners: [.init(text: "prisoners of war", population: nil), .init(text: "Ukrainian soldiers", population: "soldiers"),
                        .init(text: "Russian servicemen", population: "servicemen"), .init(text: "prisoners", population: nil)],
            mediators: ["the United Arab Emirates", "Türkiye", "the Vatican"], sides: ("Kyiv", "Moscow"),
            tolls: 9_000...14_000, uprooted: 1_000_000...7_000_000),
        Theatre(
            region: "eastern Congo", possessive: "North Kivu’s", start: Day(year: 2025, month: 1, day: 23)!,
            places: ["Goma", "Bukavu", "Sake", "Masisi", "Rutshuru", "Minova", "Uvira"],
            victims: [.init(text: "civilians", population: "civilians"), .init(text: "people", population: "people"),
                      .init(text: "Congolese", population: "Congolese"), .init(text: "children", population: "children"),
                      .init(text: "peacekeepers", population: "peacekeepers")],
            sources: [.init(text: "the United Nations", name: "UN"), .init(text: "the Congolese government", name: "Congolese government"),
                      .init(text: "the Red Cross", name: "Red Cross"), .init(text: "Radio Okapi", name: "Radio Okapi"), .init(text: "UNICEF", name: "UNICEF")],
            attackers: ["M23 rebels", "the M23", "armed groups", "the Congolese army"],
            captors: ["M23 rebels", "ADF fighters", "gunmen"],
            captives: [.init(text: "civilians", population: "civilians"), .init(text: "villagers", population: "villagers"), .init(text: "hostages", population: nil)],
            jailers: ["the M23", "the government", "the authorities"],
            prisoners: [.init(text: "inmates", population: nil), .init(text: "detainees", population: nil), .init(text: "prisoners", population: nil)],
            mediators: ["Qatar", "the African Union", "Angola"], sides: ("Kinshasa", "the M23"),
            tolls: 900...8_000, uprooted: 100_000...1_200_000),
        Theatre(
            region: "the Sahel", possessive: "Mali’s", start: Day(year: 2024, month: 1, day: 15)!,
            places: ["Ségou", "Mopti", "Djibo", "Tillabéri", "Ménaka", "Kidal", "Gao", "Ouahigouya"],
            victims: [.init(text: "civilians", population: "civilians"), .init(text: "people", population: "people"),
                      .init(text: "soldiers", population: "soldiers"), .init(text: "villagers", population: "villagers"),
                      .init(text: "herders", population: "herders")],
            sources: [.init(text: "the army", name: "army"), .init(text: "Human Rights Watch", name: "Human Rights Watch"),
                      .init(text: "ACLED", name: "ACLED"), .init(text: "the UN refugee agency", name: "UNHCR"), .init(text: "local officials", name: "local officials")],
            attackers: ["jihadists", "JNIM fighters", "armed men", "the army and its allies"],
            captors: ["JNIM", "jihadists", "kidnappers"],
            captives: [.init(text: "villagers", population: "villagers"), .init(text: "foreigners", population: "foreigners"),
                       .init(text: "hostages", population: nil), .init(text: "passengers", population: "passengers")],
            jailers: ["the junta", "the authorities", "the army"],
            prisoners: [.init(text: "detainees", population: nil), .init(text: "suspected militants", population: "suspected militants"), .init(text: "prisoners", population: nil)],
            mediators: ["Algeria", "ECOWAS envoys", "religious leaders"], sides: ("the junta", "JNIM"),
            tolls: 500...12_000, uprooted: 50_000...2_500_000),
    ]

    static let outlets = [
        "Daily Meridian", "The Harbour Post", "Northern Courier", "Le Quotidien du Soir", "El Diario Austral",
        "Nachrichten am Mittag", "Coastline Wire", "The Evening Ledger", "Agência Atlântica", "Radio Sahel Libre",
        "The Lantern", "Crossroads Press Service", "Gazette of the Two Rivers", "Östra Tidningen",
    ]

    /// Invented people, with accents, and what they do.
    static let names = [
        "José Ramírez", "Zoë Müller", "Ana Sofía Pérez", "Søren Østergaard", "François Lefèvre", "Nguyễn Thị Lan",
        "Łukasz Wójcik", "Ayşe Yılmaz", "Mariam al-Khatib", "Omar Haddad", "Fatima Diallo", "Amadou Traoré",
        "Olena Kovalenko", "Dmytro Shevchuk", "Jean-Pierre Mukendi", "Grâce Kabila", "Hamid Nour", "Leila Mansour",
        "Ibrahim Abu Salem", "Noor El-Sayed", "Iñaki Etxeberria", "Chloé Dubois", "Björn Lindqvist", "Aoife Ní Bhriain",
    ]
    static let roles = [
        "a spokesperson for the agency", "a senior official", "a doctor at the main hospital", "an aid worker",
        "a local council member", "the organization’s regional director", "a lawyer for the families",
        "a researcher who has documented the fighting", "a resident who fled with her family", "a shopkeeper",
        "the head of the emergency committee", "a negotiator close to the talks", "a military analyst",
    ]
    static let quotes = [
        "We cannot wait any longer — every hour counts", "There is nowhere safe left", "The world is watching and doing nothing",
        "We are running out of everything: fuel, medicine, clean water", "Our teams are exhausted but they keep going",
        "This is not a war, it is a catastrophe", "We will not give up on our people", "Negotiations are at a delicate stage",
        "The guarantees we asked for are not in the text", "Nobody told us where to go", "We buried them without a proper funeral",
        "The hospital is no longer able to function", "They took everything we had", "We want our loved ones home",
        "The ceasefire must hold, and it must be permanent", "Our children ask us when the bombing will stop",
        "We have documented violations on all sides", "The humanitarian system is at breaking point",
        "This deal is the best chance we have had in months", "The talks are continuing in a positive atmosphere",
    ]
    static let saids = ["said", "told reporters", "said in a statement", "told the outlet", "wrote on X", "said on Telegram",
                        "said in a televised address", "told a news conference", "added", "warned", "insisted"]
    static let aidAgencies = ["UNICEF", "the World Food Programme", "the International Committee of the Red Cross",
                              "Save the Children", "Oxfam", "the Norwegian Refugee Council", "Médecins Sans Frontières", "CARE"]
    static let crises = ["famine", "a collapse of the health system", "outbreaks of cholera", "acute malnutrition",
                         "a shortage of clean water", "the spread of disease in crowded shelters"]
    static let causes = ["crossings remain closed", "aid convoys are turned back", "fuel runs out",
                         "roads are cut by the fighting", "warehouses are looted", "funding dries up"]
    static let scenes = ["streets reduced to rubble", "families sleeping in schools and mosques", "queues for bread that stretched for hours",
                         "the smell of smoke that hung over the city", "neighbours digging through debris with their hands",
                         "hospitals lit by torches after the power failed"]
    static let issues = ["the sequencing of a withdrawal", "guarantees for a lasting ceasefire", "the return of displaced families",
                         "who would govern after the war", "the reopening of border crossings", "the list of names to be exchanged"]
    static let accusations = ["targeting civilians", "blocking aid", "violating the truce", "using shelters as cover",
                              "holding up the talks", "shelling residential areas"]
    static let reactions = ["condemned the attack", "called for restraint", "demanded an independent investigation",
                            "urged both sides to return to the table", "said it was deeply concerned", "announced new sanctions"]
    static let capitals = ["Washington", "Paris", "Berlin", "Brussels", "Ankara", "Cairo", "Doha", "London", "Madrid", "Ottawa", "Pretoria", "Brasília"]
    static let donors = ["The European Union", "The World Bank", "Germany", "Japan", "The United Kingdom", "Saudi Arabia",
                         "The African Development Bank", "Norway", "The Gates Foundation", "Canada"]
    static let funds = ["humanitarian aid", "reconstruction funds", "emergency assistance", "food aid", "a trust fund for rebuilding", "budget support"]
    static let things = [("aid trucks", 20...600), ("tonnes of flour", 10...900), ("tents", 500...40_000), ("schools", 3...300),
                         ("litres of fuel", 5_000...200_000), ("hospital beds", 20...400), ("water wells", 2...80), ("food parcels", 1_000...90_000)]
    static let damaged = ["infrastructure", "hospitals", "schools", "farmland", "homes", "water network", "roads"]
}
