import Testing
@testable import Ingestion
