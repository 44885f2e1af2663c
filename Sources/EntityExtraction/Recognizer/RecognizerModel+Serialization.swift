extension RecognizerModel {
    /// First bytes of every model file.
    static let magic: [UInt8] = Array("ENTITYD-NER".utf8)
    /// Bumped whenever features, hashing or layout change.
    static let formatVersion: UInt32 = 2

    /// The model file: magic, version, sections, then a checksum over all of it.
    func serialized() -> [UInt8] {
        var w = ModelBinaryWriter()
        for byte in Self.magic { w.write(byte) }
        w.write(Self.formatVersion)
        w.write(name)
        w.write(UInt32(labels.types.count))
        for type in labels.types { w.write(type) }
        w.write(confidenceTemperature)
        w.write(UInt32(stages.count))
        for stage in stages {
            w.write(array: stage.transitions)
            w.write(stage.weightScale)
            w.write(array: stage.featureKeys)
            w.write(array: stage.weights)
        }
        let places = gazetteer.entries, clusters = lexicon.clusterEntries, cases = lexicon.caseEntries
        w.write(array: places.keys)
        w.write(array: places.masks)
        w.write(array: clusters.keys)
        w.write(array: clusters.values)
        w.write(array: cases.keys)
        w.write(array: cases.values)
        w.write(lexicon.frequentWordList)
        w.seal()
        return w.bytes
    }

    /// Reads a model file, checking magic, version, checksum and section consistency.
    init(serialized bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try RecognizerModel(serialized: $0) }
    }

    /// Reads a model file from borrowed bytes (copied section by section, never whole).
    init(serialized bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= Self.magic.count, bytes[0..<Self.magic.count].elementsEqual(Self.magic) else {
            throw RecognizerError(.notAModel, "not an entityd recognizer model (bad magic bytes)")
        }
        var r = try ModelBinaryReader(bytes: bytes, start: Self.magic.count)
        let version: UInt32 = try r.read()
        guard version == Self.formatVersion else {
            throw RecognizerError(.unsupportedVersion, "model format version \(version); this build reads version \(Self.formatVersion)")
        }
        let name = try r.readString()
        let typeCount = Int(try r.read(UInt32.self))
        guard (1...32).contains(typeCount) else { throw RecognizerError(.invalidContent, "model declares \(typeCount) entity types") }
        var types: [String] = []
        for _ in 0..<typeCount { types.append(try r.readString()) }
        let labels = LabelSet(types: types)
        let temperature = try r.readFloat()
        let stageCount = Int(try r.read(UInt32.self))
        guard (1...2).contains(stageCount) else { throw RecognizerError(.invalidContent, "model declares \(stageCount) stages") }
        var stages: [LinearStage] = []
        for _ in 0..<stageCount {
            let transitions = try r.readFloatArray()
            let scale = try r.readFloat()
            let keys = try r.readArray(UInt64.self)
            let weights = try r.readArray(Int16.self)
            guard transitions.count == labels.count * labels.count, weights.count == keys.count * labels.count,
                  scale.isFinite, scale > 0, !keys.contains(0) else {
                throw RecognizerError(.invalidContent, "model stage sections are inconsistent")
            }
            let stage = LinearStage(featureKeys: keys, weights: weights, weightScale: scale, transitions: transitions)
            guard stage.table.isUnambiguous else {
                throw RecognizerError(.invalidContent, "model stage has two feature keys its weight table cannot tell apart")
            }
            stages.append(stage)
        }
        let gazetteerKeys = try r.readArray(UInt64.self)
        let gazetteerMasks = try r.readArray(UInt32.self)
        let clusterKeys = try r.readArray(UInt64.self)
        let clusterValues = try r.readArray(UInt32.self)
        let caseKeys = try r.readArray(UInt64.self)
        let caseValues = try r.readArray(UInt32.self)
        let words = try r.readString()
        guard r.isAtEnd,
              gazetteerKeys.count == gazetteerMasks.count,
              clusterKeys.count == clusterValues.count,
              caseKeys.count == caseValues.count,
              temperature.isFinite, temperature > 0,
              !gazetteerKeys.contains(0), !clusterKeys.contains(0), !caseKeys.contains(0)
        else {
            throw RecognizerError(.invalidContent, "model sections are inconsistent with each other")
        }
        self.init(name: name, labels: labels, stages: stages, confidenceTemperature: temperature,
                  gazetteer: Gazetteer(keys: gazetteerKeys, masks: gazetteerMasks),
                  lexicon: WordLexicon(clusterKeys: clusterKeys, clusterValues: clusterValues,
                                       caseKeys: caseKeys, caseValues: caseValues,
                                       frequentWordList: words))
    }
}
