import EntityExtraction
import Foundation

/// Builds the `Extractor` the settings ask for: the bundled or configured model, plus the
/// user dictionaries. File reading lives here so that `EntityExtraction` stays file-free.
enum ExtractorFactory {
    static func makeExtractor(_ settings: EntitydSettings) throws -> Extractor {
        var configuration = ExtractorConfiguration(
            timeLimit: .milliseconds(Int64((settings.ingestion.fileTimeLimitSeconds * 1000).rounded(.up))),
            useStatisticalModel: settings.statisticalModel)
        if let path = settings.modelPath {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationKeyError(key: "model", reason: "cannot read model file \(path)")
            }
            configuration.modelData = [UInt8](data)
        }
        for path in settings.dictionaries {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationKeyError(key: "dictionaries", reason: "cannot read dictionary file \(path)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationKeyError(key: "dictionaries", reason: "dictionary file \(path) is not UTF-8")
            }
            configuration.userDictionaries.append((source: path, text: text))
        }
        do {
            return try Extractor(configuration: configuration)
        } catch let error as ConfigurationKeyError {
            throw error
        } catch let error as ExtractionError where error.code == .badDictionaryLine {
            throw ConfigurationKeyError(key: "dictionaries", reason: error.message)
        } catch {
            // A model that cannot be loaded is a configuration problem the user must fix.
            throw ConfigurationKeyError(key: "model", reason: "\(error)")
        }
    }
}
