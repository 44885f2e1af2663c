/// How types of other schemes are scored against CoNLL-2003's PER, ORG, LOC and MISC.
public enum ConllTypeMapping {
    /// GMB types as training labels: per→PER, org→ORG, geo→LOC, gpe→MISC or LOC, art/eve/nat→MISC,
    /// tim→none. A `gpe` that is a country or city name is LOC; a nationality adjective is MISC
    /// (CoNLL's convention); `isPlaceName` decides.
    public static func gmb(_ type: String, isPlaceName: Bool) -> String? {
        switch type.lowercased() {
        case "per": "PER"
        case "org": "ORG"
        case "geo": "LOC"
        case "gpe": isPlaceName ? "LOC" : "MISC"
        case "art", "eve", "nat": "MISC"
        default: nil
        }
    }

    /// The CoNLL type an OntoNotes-named type is scored as (nil: not scored).
    public static func conll(_ type: EntityType) -> String? { type.conllType }
}
