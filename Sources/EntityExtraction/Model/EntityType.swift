/// An entity type, named as in OntoNotes (and spaCy), plus `MISC` for named things outside them.
public enum EntityType: String, Codable, Sendable, CaseIterable, Hashable {
    case person = "PERSON"
    case norp = "NORP"
    case org = "ORG"
    case gpe = "GPE"
    case loc = "LOC"
    case fac = "FAC"
    case event = "EVENT"
    case product = "PRODUCT"
    case workOfArt = "WORK_OF_ART"
    case law = "LAW"
    case language = "LANGUAGE"
    case date = "DATE"
    case time = "TIME"
    case money = "MONEY"
    case percent = "PERCENT"
    case quantity = "QUANTITY"
    case ordinal = "ORDINAL"
    case cardinal = "CARDINAL"
    case misc = "MISC"

    /// Position in `allCases`, for per-type counters in flat arrays.
    var index: Int {
        switch self {
        case .person: 0
        case .norp: 1
        case .org: 2
        case .gpe: 3
        case .loc: 4
        case .fac: 5
        case .event: 6
        case .product: 7
        case .workOfArt: 8
        case .law: 9
        case .language: 10
        case .date: 11
        case .time: 12
        case .money: 13
        case .percent: 14
        case .quantity: 15
        case .ordinal: 16
        case .cardinal: 17
        case .misc: 18
        }
    }

    /// Types that share a CoNLL class share this number (GPE, LOC and FAC group as one place);
    /// types CoNLL does not score have one each.
    var groupClass: Int {
        // By `conllType` (PER 0, ORG 1, LOC 2, MISC 3), spelled out: no string comparisons.
        switch self {
        case .person: 0
        case .org: 1
        case .gpe, .loc, .fac: 2
        case .norp, .event, .product, .workOfArt, .law, .language, .misc: 3
        case .date, .time, .money, .percent, .quantity, .ordinal, .cardinal: 4 + index
        }
    }

    /// Named entities (as opposed to numeric and temporal expressions found by patterns).
    public var isNamed: Bool {
        switch self {
        case .date, .time, .money, .percent, .quantity, .ordinal, .cardinal: false
        default: true
        }
    }

    /// The CoNLL-2003 type this type is scored as, or `nil` for types CoNLL does not score.
    public var conllType: String? {
        switch self {
        case .person: "PER"
        case .org: "ORG"
        case .gpe, .loc, .fac: "LOC"
        case .norp, .event, .product, .workOfArt, .law, .language, .misc: "MISC"
        case .date, .time, .money, .percent, .quantity, .ordinal, .cardinal: nil
        }
    }
}
