import Logging

/// Handler metadata, then the provider's, then the record's own: later ones win.
func mergedMetadata(
    handler: Logger.Metadata, provider: Logger.MetadataProvider?, event: Logger.Metadata?
) -> Logger.Metadata {
    var merged = handler
    if let provided = provider?.get(), !provided.isEmpty {
        merged.merge(provided) { $1 }
    }
    if let event, !event.isEmpty {
        merged.merge(event) { $1 }
    }
    return merged
}
