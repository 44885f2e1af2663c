import Testing
@testable import EntityExtraction
