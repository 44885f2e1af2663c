/// Records of a gazetteer table looked up by name, read like a `[String: Record]`.
struct GazetteerTable<Record: Sendable>: Sendable, Sequence {
    let names: GazetteerNames
    /// `records[i]` belongs to name `i`.
    let records: [Record]

    static var empty: GazetteerTable<Record> {
        // An empty table is trivially valid, so this cannot throw.
        GazetteerTable(names: try! GazetteerNames(bytes: [], lengths: [], table: "empty"), records: [])
    }

    /// The record of `name`, nil when the table has no such name.
    subscript(name: String) -> Record? {
        names.index(of: name).map { records[$0] }
    }

    /// Every name (each made into a `String` when reached).
    var keys: some Sequence<String> {
        (0..<records.count).lazy.map { names.name(at: $0) }
    }

    var count: Int { records.count }

    func makeIterator() -> some IteratorProtocol<(key: String, value: Record)> {
        (0..<records.count).lazy.map { (key: names.name(at: $0), value: records[$0]) }.makeIterator()
    }
}
