import Foundation
import Testing
@testable import EntityExtraction

@Suite struct RecognizerSerializationTests {
    @Test func serializedModelLoadsBackIdentically() throws {
        let recognizer = try TrainingTests.train(iterations: 4)
        let bytes = recognizer.serialized()
        let loaded = try EntityRecognizer(modelBytes: bytes)
        #expect(loaded.serialized() == bytes)
        #expect(loaded.modelName == recognizer.modelName)
        let document: [[Substring]] = [["Mr.", "Smith", "said", "Acme", "Corp", "opened", "in", "Paris", "."]]
        #expect(loaded.recognize(document: document) == recognizer.recognize(document: document))
    }

    /// A loaded model keeps no second copy of its gazetteer and lexicon keys: writing it back
    /// rebuilds them from the hash indexes, byte for byte.
    @Test func bundledModelWritesBackItsOwnFile() throws {
        let bytes = [UInt8](try BundledResource.data(named: EntityRecognizer.bundledModelFileName))
        #expect(try EntityRecognizer(modelBytes: bytes).serialized() == bytes)
    }

    @Test func corruptedModelIsRejectedWithAChecksumError() throws {
        var bytes = try TrainingTests.train(iterations: 2).serialized()
        bytes[bytes.count / 2] ^= 0xFF
        #expect { try EntityRecognizer(modelBytes: bytes) } throws: { ($0 as? RecognizerError)?.code == .checksumMismatch }
    }

    @Test func truncatedModelIsRejected() throws {
        let bytes = try TrainingTests.train(iterations: 2).serialized()
        #expect(throws: RecognizerError.self) { try EntityRecognizer(modelBytes: Array(bytes.prefix(bytes.count - 100))) }
    }

    @Test func otherFilesAreNotTakenForModels() {
        #expect { try EntityRecognizer(modelBytes: Array("hello world, not a model".utf8)) } throws: {
            ($0 as? RecognizerError)?.code == .notAModel
        }
    }
}
