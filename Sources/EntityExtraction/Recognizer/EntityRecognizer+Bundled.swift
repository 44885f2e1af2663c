import Foundation

extension EntityRecognizer {
    /// File name of the model shipped in the package resources.
    public static let bundledModelFileName = "entityd-ner.model"

    /// Loads the model shipped in the resource bundle next to the running executable.
    ///
    /// Never uses `Bundle.module`, whose generated accessor traps when the bundle is missing
    /// (as for an installed binary): `BundledResource` looks beside `Bundle.main` and beside
    /// the resolved executable, and the error names every path tried.
    public static func bundled() throws -> EntityRecognizer {
        let data: Data
        do {
            data = try BundledResource.data(named: bundledModelFileName)
        } catch let error as ExtractionError {
            throw RecognizerError(.modelNotFound, "bundled model not found: \(error.message)")
        }
        // Read in place: a [UInt8] copy of the 6 MB file would only raise the peak RSS.
        return EntityRecognizer(model: try data.withUnsafeBytes { try RecognizerModel(serialized: $0) })
    }
}
